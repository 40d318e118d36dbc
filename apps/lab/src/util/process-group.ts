import { readFileSync } from 'node:fs';
import { waitFor } from './wait';

/** Signals a whole process group (a master and its workers); false when none is left to signal. */
export function signalGroup(pid: number | undefined, signal: NodeJS.Signals | 0): boolean {
  if (!pid) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIGKILLs the group until it is empty: workers outliving a killed master
 * would keep the port.
 */
export async function killGroup(what: string, pid: number | undefined, running: () => boolean): Promise<void> {
  if (!pid) return;
  await waitFor(`${what} processes to exit`, () => !signalGroup(pid, 'SIGKILL') && !running(), { timeoutMs: 10_000 });
}

/** A file's text, or '' when it is not there (yet): logs a process may not have written. */
export function readTextOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
