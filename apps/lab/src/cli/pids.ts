import { pidAlive } from '../util/pid-alive';
import { allPids, cmdline, pidGone, sameProcess, startTick, statFields } from '../util/proc';

export { pidAlive, pidGone, sameProcess, startTick };

function parentOf(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? Number(fields[1]) : null;
}

export function startTicks(pids: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pid of pids) {
    const tick = startTick(pid);
    if (tick !== null) out[pid] = tick;
  }
  return out;
}

/** Every live descendant of `root` (Linux /proc; empty elsewhere). */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of allPids()) {
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

// A recorded pid may have been reused by an unrelated process since; only
// signal the very process recorded (start time) that still looks like what
// the lab starts.
const OURS = /node|nginx|redis/;

function looksLikeOurs(pid: number): boolean {
  const line = cmdline(pid);
  return line === undefined ? process.platform !== 'linux' : OURS.test(line);
}

/** SIGCONT (a paused process cannot die) then SIGKILL; returns the pids signalled. */
export function killAll(pids: number[], starts: Record<string, number> = {}): number[] {
  const killed: number[] = [];
  for (const pid of new Set(pids)) {
    if (pid === process.pid || !sameProcess(pid, starts) || !looksLikeOurs(pid)) continue;
    try {
      process.kill(pid, 'SIGCONT');
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
    } catch {
      // already gone
    }
  }
  return killed;
}
