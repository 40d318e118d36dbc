import type { Topology, TopologyOptions } from '../topology/topology';

export type CreateTopology = (o: TopologyOptions) => Promise<Topology>;

const live = new Set<Topology>();

/**
 * The process driver, loaded when a group needs it, so that the groups that
 * need no topology (ceiling direct, peer, direct, memory) run without it.
 */
function loadCreateTopology(): CreateTopology {
  const mod = require('../topology/index') as { createTopology?: CreateTopology };
  if (typeof mod.createTopology !== 'function') throw new Error('topology/index exports no createTopology');
  return mod.createTopology;
}

/** A started topology that is torn down after `fn`, whatever happens, and on Ctrl-C. */
export async function withTopology<T>(o: TopologyOptions, fn: (t: Topology) => Promise<T>): Promise<T> {
  const topology = await loadCreateTopology()(o);
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
  const create = loadCreateTopology();
  const t0 = process.hrtime.bigint();
  const topology = await create(o);
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
