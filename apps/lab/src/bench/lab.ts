import { createTopology } from '../topology';
import type { Topology, TopologyOptions } from '../topology/topology';

const live = new Set<Topology>();

/** A started topology that is torn down after `fn`, whatever happens, and on Ctrl-C. */
export async function withTopology<T>(o: TopologyOptions, fn: (t: Topology) => Promise<T>): Promise<T> {
  const topology = await createTopology(o);
  live.add(topology);
  try {
    return await fn(topology);
  } finally {
    live.delete(topology);
    await topology.down();
  }
}

/** Starts a topology and returns it with the time it took; the caller must `down()` it. */
export async function timedTopology(o: TopologyOptions): Promise<{ topology: Topology; ms: number }> {
  const t0 = process.hrtime.bigint();
  const topology = await createTopology(o);
  live.add(topology);
  return { topology, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

export async function downTopology(t: Topology): Promise<void> {
  live.delete(t);
  await t.down();
}

export async function downAllTopologies(): Promise<void> {
  await Promise.allSettled([...live].map((t) => t.down()));
}
