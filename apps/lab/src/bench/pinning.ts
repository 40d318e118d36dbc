import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { findBinary } from '../util/find-binary';
import { serverPids } from './cpu';

/**
 * Which cores the servers and the load generator run on. On a machine with
 * few cores a generator that shares a core with the servers takes CPU from
 * them and caps what they seem to serve; pinned apart, each side's CPU time
 * is its own.
 */
export interface Pinning {
  /** false: everything shares every core; `reason` says why. */
  pinned: boolean;
  /** taskset core lists, e.g. "0" and "1"; null when not pinned. */
  servers: string | null;
  /** Every core the bench may use: boots and the bench process itself run there. */
  all?: string;
  generator: string | null;
  /** How many generator processes run (one per generator core). */
  generatorProcesses: number;
  reason?: string;
}

/** Cores split between servers and generator: the generator gets a quarter, at least one. */
export function splitCores(cores: number): { servers: number[]; generator: number[] } {
  const gen = Math.max(1, Math.floor(cores / 4));
  const all = Array.from({ length: cores }, (_, i) => i);
  return { servers: all.slice(0, cores - gen), generator: all.slice(cores - gen) };
}

function affinityOf(pid: number, taskset: string): number[] | null {
  const res = spawnSync(taskset, ['-c', '-p', String(pid)], { encoding: 'utf8', timeout: 5_000 });
  const list = /:\s*([\d,-]+)\s*$/.exec(res.stdout ?? '')?.[1];
  if (res.status !== 0 || !list) return null;
  return list.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number);
    return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, i) => a + i);
  });
}

/**
 * Decides which cores the servers and the generator get. Nothing moves yet:
 * servers boot on every core (as `lab up` does) and are pinned just before
 * they are measured (pinServerProcesses). `disabled` (--no-pin), a missing
 * `taskset` or a single allowed core pins nothing, and says so.
 */
export function pinServers(disabled = false): Pinning {
  const unpinned = (reason: string): Pinning => ({ pinned: false, servers: null, generator: null, generatorProcesses: 1, reason });
  if (disabled) return unpinned('--no-pin given');
  const taskset = findBinary('taskset');
  if (!taskset) return unpinned('taskset not installed (util-linux)');
  const allowed = affinityOf(process.pid, taskset) ?? cpus().map((_, i) => i);
  if (allowed.length < 2) return unpinned(`only ${allowed.length} core allowed to this process`);
  const split = splitCores(allowed.length);
  const servers = split.servers.map((i) => allowed[i]).join(',');
  const generator = split.generator.map((i) => allowed[i]).join(',');
  return { pinned: true, servers, generator, all: allowed.join(','), generatorProcesses: split.generator.length };
}

/**
 * Pins every server process the bench started (replicas, nginx and its
 * workers, redis-server; never the generator) to the server cores, all their
 * threads. A process that exited meanwhile is skipped.
 */
export function pinServerProcesses(p: Pinning): void {
  const taskset = p.pinned && p.servers ? findBinary('taskset') : null;
  if (!taskset || !p.servers) return;
  for (const pid of serverPids()) spawnSync(taskset, ['-a', '-c', '-p', p.servers, String(pid)], { stdio: 'ignore', timeout: 5_000 });
}

/** The command that starts a generator process on its cores (taskset prefix when pinned). */
export function pinnedCommand(p: Pinning, argv: string[]): { file: string; args: string[] } {
  const taskset = p.pinned ? findBinary('taskset') : null;
  if (!taskset || !p.generator) return { file: argv[0], args: argv.slice(1) };
  return { file: taskset, args: ['-c', p.generator, ...argv] };
}

function setAffinity(cores: string): void {
  const taskset = findBinary('taskset');
  if (!taskset) return;
  const res = spawnSync(taskset, ['-a', '-c', '-p', cores, String(process.pid)], { encoding: 'utf8', timeout: 5_000 });
  if (res.status !== 0) throw new Error(`taskset ${cores} failed: ${(res.stderr ?? '').trim()}`);
}

/**
 * Runs load the bench process itself generates (autocannon creating sessions)
 * on the generator cores, then gives the bench every core back. Processes
 * started meanwhile would inherit the generator cores: `fn` must start none.
 */
export async function onGeneratorCores<T>(p: Pinning, fn: () => Promise<T>): Promise<T> {
  if (!p.pinned || !p.generator || !p.all) return fn();
  setAffinity(p.generator);
  try {
    return await fn();
  } finally {
    setAffinity(p.all);
  }
}
