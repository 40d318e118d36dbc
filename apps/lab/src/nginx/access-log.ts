import { readFile } from 'node:fs/promises';
import { runPaths } from './main-conf';

/** One line of the lab's JSON access log (log_format lab_json). */
export interface AccessLogEntry {
  time: string;
  remote_addr: string;
  request: string;
  status: number;
  /** Every attempt, e.g. "127.0.0.1:4001, 127.0.0.1:4002" after a retry. */
  upstream_addr: string;
  upstream_status: string;
  upstream_response_time: string;
  /** X-Served-By of the replica that answered; empty when nginx answered itself. */
  served_by: string;
  /** First 8 characters of the sid cookie's signature: tells sessions apart, cannot be replayed. */
  sid_fp: string;
  cookie_route: string;
  request_time: number;
}

export function parseAccessLog(text: string): AccessLogEntry[] {
  const lines = text.split('\n').filter((line) => line.startsWith('{'));
  const entries: AccessLogEntry[] = [];
  lines.forEach((line, i) => {
    try {
      entries.push(JSON.parse(line) as AccessLogEntry);
    } catch (err) {
      // A line still being written is skipped; a broken line elsewhere is a bug.
      if (i !== lines.length - 1 || text.endsWith('\n')) throw err;
    }
  });
  return entries;
}

/** Entries of runDir's access log so far (empty when nothing was logged yet). */
export async function readAccessLog(runDir: string): Promise<AccessLogEntry[]> {
  try {
    return parseAccessLog(await readFile(runPaths(runDir).accessLog, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}
