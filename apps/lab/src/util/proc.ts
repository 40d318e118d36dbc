// Linux /proc reading in one place; every function degrades to "unknown"
// (undefined or []) where /proc does not exist.
import { readFileSync } from 'node:fs';

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Scheduler state letter (R, S, T = stopped, Z = zombie, …), undefined without /proc or the process. */
export function schedState(pid: number): string | undefined {
  const stat = read(`/proc/${pid}/stat`);
  return stat ? stat.slice(stat.lastIndexOf(')') + 2)[0] : undefined;
}

/** Direct children of `pid` (its main thread's), [] when gone or without /proc. */
export function childPids(pid: number): number[] {
  const kids = read(`/proc/${pid}/task/${pid}/children`)?.trim();
  return kids ? kids.split(/\s+/).map(Number) : [];
}
