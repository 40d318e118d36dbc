import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { BenchContext } from '../model';

export interface LogWriterResult {
  /** Lines each writer wrote, measured (after a warm-up round). */
  lines: number;
  pino_us_per_line: number;
  /** cart-api's own JSON.stringify writer (libs/json-log). */
  json_us_per_line: number;
  /** pino over the hand-written writer: the log's cost per request, since a request writes one line. */
  ratio: number | null;
}

export function logWriterResult(raw: { lines: number; pino_us_per_line: number; json_us_per_line: number }): LogWriterResult {
  const ratio = raw.json_us_per_line > 0 ? Math.round((raw.pino_us_per_line / raw.json_us_per_line) * 1000) / 1000 : null;
  return { ...raw, ratio };
}

/** The built child (dist/apps/lab/bench/log-writer/child.js). */
export const LOG_WRITER_CHILD = join(__dirname, '../log-writer/child.js');

/** Runs the writers' child (bounded: it is killed past `timeoutMs`) and reads its one result line. */
export function runLogWriters(script: string, lines: number, rounds: number, timeoutMs = 60_000): Promise<LogWriterResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, String(lines), String(rounds)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      try {
        if (code !== 0) throw new Error(`log writer child ended with ${code ?? signal}: ${err.trim().slice(0, 300)}`);
        resolve(logWriterResult(JSON.parse(err.trim().split('\n').pop() ?? '')));
      } catch (e) {
        reject(e);
      }
    });
  });
}

/** pino against cart-api's own writer, in one run: CPU per request log line (the cheaper one is cart-api's). */
export async function logWriterGroup(ctx: BenchContext): Promise<LogWriterResult> {
  const lines = ctx.profile.mode === 'quick' ? 20_000 : 200_000;
  const result = await runLogWriters(LOG_WRITER_CHILD, lines, 5);
  ctx.log(`  pino ${result.pino_us_per_line} µs/line, hand-written JSON ${result.json_us_per_line} µs/line (${result.ratio}×) over ${result.lines} lines each`);
  return result;
}
