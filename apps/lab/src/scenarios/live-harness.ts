// What the live-socket scenarios share: a topology whose replicas run a
// given live adapter, lab clients with stored sessions, and their probes.
import type { History, LabClient } from '../client';
import { waitFor } from '../util/wait';
import { closeAll, makeClients, Run, runScenario } from './harness';
import { LiveProbe, LiveProbeOptions } from './live-client';
import type { Evidence, ScenarioParams } from './types';

export type LiveAdapterKind = 'none' | 'redis';

/** The harness's run (balancer, evidence, teardown) with LIVE_ADAPTER=`adapter` on every replica. */
export async function withLiveTopology<T>(params: ScenarioParams, adapter: LiveAdapterKind, body: (run: Run) => Promise<T>): Promise<{ out: T; evidence: Evidence; history: History }> {
  const r = await runScenario(params, undefined, async (run) => ({ rows: [], facts: await body(run) }), { LIVE_ADAPTER: adapter });
  return { out: r.facts, evidence: r.evidence, history: r.history };
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
