import { waitFor } from '../util/wait';
import { createTopology, CreateTopologyOptions } from '../topology';
import { BENCH_RATE_EXEMPT } from './front';
import type { StoreKind, Topology, TopologyOptions } from '../topology';
import { serverCpuMs } from './cpu';
import { round } from './load';

const live = new Set<Topology>();

export interface BootSample {
  ms: number;
  /** CPU the boot cost (replicas, nginx, redis): with the cores, the floor of `ms` on an idle machine. */
  cpuMs: number;
}

/** Boots seen by any group, by store: the boot group reuses them instead of booting again. */
export const bootSamples: Record<StoreKind, BootSample[]> = { memory: [], redis: [] };

async function answers(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  await res.arrayBuffer();
  return res.ok;
}

/** Every replica ready on its own address and nginx routing: what "up" means to a user. */
async function serving(t: Topology, replicas: number): Promise<void> {
  await waitFor(
    'every replica ready and nginx routing',
    async () => {
      const status = await t.status();
      const direct = await Promise.all(status.replicas.map((r) => answers(`${r.url}/health/ready`)));
      return direct.length === replicas && direct.every(Boolean) && (await answers(`${t.url}/health/ready`));
    },
    { timeoutMs: 30_000, intervalMs: 20 },
  );
}

/**
 * Starts a topology and times it from the createTopology() call to serving;
 * the caller must `downTopology()` it.
 */
export async function timedTopology(o: CreateTopologyOptions): Promise<{ topology: Topology; ms: number }> {
  const cpu0 = serverCpuMs();
  const t0 = process.hrtime.bigint();
  const topology = await createTopology({ rateExempt: BENCH_RATE_EXEMPT, ...o });
  live.add(topology);
  try {
    await serving(topology, o.replicas ?? 3);
  } catch (err) {
    await downTopology(topology);
    throw err;
  }
  const ms = round(Number(process.hrtime.bigint() - t0) / 1e6, 0);
  if ((o.replicas ?? 3) === 3) bootSamples[o.store].push({ ms, cpuMs: round(serverCpuMs() - cpu0, 0) });
  return { topology, ms };
}

/**
 * The driver picks free ports and binds them later: on a busy machine another
 * process can take one in between. That boot is tried once more; any other
 * failure is the topology's and is thrown.
 */
async function bootRetryingPortRace(o: TopologyOptions): Promise<Topology> {
  try {
    return (await timedTopology(o)).topology;
  } catch (err) {
    if (!/EADDRINUSE/.test(err instanceof Error ? err.message : String(err))) throw err;
    process.stderr.write('  a port picked for the topology was taken by another process before it bound it; booting again\n');
    return (await timedTopology(o)).topology;
  }
}

/** A started topology that is torn down after `fn`, whatever happens, and on Ctrl-C. */
export async function withTopology<T>(o: TopologyOptions, fn: (t: Topology) => Promise<T>): Promise<T> {
  const topology = await bootRetryingPortRace(o);
  try {
    return await fn(topology);
  } finally {
    await downTopology(topology);
  }
}

export async function downTopology(t: Topology): Promise<void> {
  live.delete(t);
  await t.down();
}

export async function downAllTopologies(): Promise<void> {
  await Promise.allSettled([...live].map((t) => t.down()));
}
