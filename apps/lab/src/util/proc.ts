// Linux /proc reading in one place; every function degrades to "unknown"
// (undefined or []) where /proc does not exist.
import { readdirSync, readFileSync } from 'node:fs';

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

/** Process group id of `pid`, undefined when gone or without /proc. */
export function processGroup(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const pgid = Number(fields[2]);
  return Number.isInteger(pgid) ? pgid : undefined;
}

/** Pids of every live process in group `pgid` (Linux; [] elsewhere). */
export function groupMembers(pgid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries.filter((e) => /^\d+$/.test(e)).map(Number).filter((p) => processGroup(p) === pgid && schedState(p) !== 'Z');
}
