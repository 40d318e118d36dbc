// What the live-socket scenarios share: a topology whose replicas run a
// given live adapter, lab clients with stored sessions, and their probes.
import { catalogSkus, History, LabClient } from '../client';
import { createTopology } from '../topology';
import { waitFor } from '../util/wait';
import { collectEvidence } from './evidence';
import { closeAll, makeClients, Run, ScenarioError } from './harness';
import { LiveProbe, LiveProbeOptions } from './live-client';
import { Nemesis } from './nemesis';
import type { Evidence, ScenarioParams } from './types';

export type LiveAdapterKind = 'none' | 'redis';

/** Boots a 3-replica topology with LIVE_ADAPTER=`adapter`, runs `body`, always tears down. */
export async function withLiveTopology<T>(params: ScenarioParams, adapter: LiveAdapterKind, body: (run: Run) => Promise<T>): Promise<{ out: T; evidence: Evidence; history: History }> {
  const topo = await createTopology({ strategy: params.strategy, store: params.store, replicas: 3, env: { LIVE_ADAPTER: adapter } });
  const history = new History();
  try {
    const replicas = (await topo.status()).replicas.map((r) => r.name);
    const run: Run = { topo, nemesis: new Nemesis(topo, history), params, history, replicas, skus: await catalogSkus(topo.url) };
    let out: T;
    try {
      out = await body(run);
    } catch (err) {
      throw new ScenarioError((err as Error).message, await collectEvidence(topo, history));
    }
    return { out, evidence: await collectEvidence(topo, history), history };
  } finally {
    await topo.down();
  }
}

/** `n` clients (own /24 each), each with a stored session (one item added), and a probe per client. */
export async function subscribers(run: Run, n: number, opts: LiveProbeOptions, prefix: string): Promise<{ clients: LabClient[]; probes: LiveProbe[] }> {
  const clients = makeClients(run, n, undefined, prefix);
  const added = await Promise.all(clients.map((c, i) => c.addItem(run.skus[i % run.skus.length], 1)));
  const failed = added.filter((r) => !r.ok).length;
  if (failed > 0) throw new Error(`${failed} of ${n} clients could not store a session`);
  return { clients, probes: clients.map((c) => new LiveProbe(c, opts)) };
}

/** Until every probe either joined (hello) or was refused/dropped; bounded. */
export async function settled(probes: readonly LiveProbe[], timeoutMs = 15_000): Promise<void> {
  await waitFor('every live socket joined or failed', () => probes.every((p) => p.count('hello') + p.count('connect_error') + p.count('disconnect') > 0), { timeoutMs, intervalMs: 50 });
}

export function closeProbes(clients: readonly LabClient[], probes: readonly LiveProbe[]): void {
  probes.forEach((p) => p.close());
  closeAll(clients);
}

/** Counts of each value. */
export function tally(xs: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}
