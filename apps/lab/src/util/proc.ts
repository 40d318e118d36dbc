// Linux /proc reading in one place; every function degrades to "unknown"
// (undefined or []) where /proc does not exist.
import { readdirSync, readFileSync } from 'node:fs';
import { pidAlive } from './pid-alive';

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Fields 3.. of /proc/<pid>/stat ([0] = state, [1] = parent pid, …), or null
 * without /proc or the process. Field 2 (comm) may hold spaces and
 * parentheses, so the split starts after its last ')'.
 */
export function statFields(pid: number): string[] | null {
  const stat = read(`/proc/${pid}/stat`);
  return stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ') : null;
}

/** Scheduler state letter (R, S, T = stopped, Z = zombie, …), undefined without /proc or the process. */
export function schedState(pid: number): string | undefined {
  return statFields(pid)?.[0]?.[0];
}

/** The command line, NUL-separated as the kernel keeps it; undefined when gone or without /proc. */
export function cmdline(pid: number): string | undefined {
  return read(`/proc/${pid}/cmdline`);
}

/** Every pid /proc lists now; [] without /proc. */
export function allPids(): number[] {
  try {
    return readdirSync('/proc').filter((e) => /^\d+$/.test(e)).map(Number);
  } catch {
    return [];
  }
}

/** Direct children of `pid` (its main thread's), [] when gone or without /proc. */
export function childPids(pid: number): number[] {
  const kids = read(`/proc/${pid}/task/${pid}/children`)?.trim();
  return kids ? kids.split(/\s+/).map(Number) : [];
}

/** Start time in clock ticks since boot (field 22): with the pid, names one process for good. */
export function startTick(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? Number(fields[19]) : null;
}

/** Process group of `pid` (field 5), null when gone or without /proc. */
export function processGroup(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? Number(fields[2]) : null;
}

/** A process that exited but was not reaped yet still answers kill(pid, 0). */
export function pidGone(pid: number): boolean {
  if (!pidAlive(pid)) return true;
  return schedState(pid) === 'Z';
}

/**
 * The process recorded as `pid` is still running: alive (not a zombie), and (when its start
 * time was recorded) not a newer process that reused the pid.
 */
export function sameProcess(pid: number, starts: Record<string, number> = {}): boolean {
  // a SIGKILLed supervisor whose parent is gone stays a zombie until init reaps it: dead all the same
  if (pidGone(pid)) return false;
  const recorded = starts[pid];
  const now = startTick(pid);
  return recorded === undefined || now === null || recorded === now;
}

/** Resident memory of `pid` in kB (VmRSS), undefined when gone or without /proc. */
export function rssKb(pid: number): number | undefined {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`) ?? '')?.[1];
  return kb === undefined ? undefined : Number(kb);
}
