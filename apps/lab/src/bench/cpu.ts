import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;
/** Processes the bench started that serve nothing (the load generator): never counted as server CPU. */
const notServers = new Set<number>();

export function excludeFromServerCpu(pid: number): void {
  notServers.add(pid);
}

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

interface ProcStat {
  ppid: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
}

function procStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined; // exited meanwhile
  }
}

/**
 * CPU milliseconds used so far by the `roots` processes and their
 * descendants; by default every descendant of this process but the load
 * generator, i.e. every server the bench started (replicas, nginx master
 * and workers, redis).
 * Unlike req/s it barely moves when other work shares the cores.
 */
export function serverCpuMs(roots?: number[]): number {
  const { stats, pids } = serverTree(roots);
  const ticks = pids.reduce((sum, pid) => sum + (stats.get(pid)?.ticks ?? 0), 0);
  return (ticks * 1000) / clockTicks();
}

/** Every server process the bench started (not the generator), as in serverCpuMs. */
export function serverPids(): number[] {
  return serverTree().pids;
}

/** CPU milliseconds of each part (its processes and their descendants), from one reading of /proc. */
export function cpuMsByPart(parts: Record<string, number[]>): Record<string, number> {
  const table = procTable();
  return Object.fromEntries(
    Object.entries(parts).map(([name, roots]) => {
      const { stats, pids } = walk(table, roots);
      return [name, (pids.reduce((sum, pid) => sum + (stats.get(pid)?.ticks ?? 0), 0) * 1000) / clockTicks()];
    }),
  );
}

interface ProcTable {
  stats: Map<number, ProcStat>;
  children: Map<number, number[]>;
}

function procTable(): ProcTable {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = procStat(Number(entry));
    if (s) stats.set(Number(entry), s);
  }
  const children = new Map<number, number[]>();
  for (const [pid, s] of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  return { stats, children };
}

function walk({ stats, children }: ProcTable, roots: number[]): { stats: Map<number, ProcStat>; pids: number[] } {
  const pids: number[] = [];
  const queue = [...roots];
  while (queue.length) {
    const pid = queue.pop()!;
    pids.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return { stats, pids };
}

function serverTree(roots?: number[]): { stats: Map<number, ProcStat>; pids: number[] } {
  const table = procTable();
  return walk(table, roots ?? (table.children.get(process.pid) ?? []).filter((pid) => !notServers.has(pid)));
}

/**
 * CPU milliseconds one process's threads have run so far, in nanosecond
 * units (each thread's `schedstat`): clock ticks are 10 ms, too coarse
 * to tell two 1 s windows of one replica apart by 5 %. Falls back to ticks.
 */
export function runTimeMs(pid: number): number {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return serverCpuMs([pid]);
  }
  return tasks.reduce((ms, task) => ms + taskRunNs(pid, task) / 1e6, 0);
}

function taskRunNs(pid: number, task: string): number {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]) || 0;
  } catch {
    return 0; // a thread that ended meanwhile
  }
}
