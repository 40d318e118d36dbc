// What a failed scenario prints: per-client story, the balancer's config, log tails.
import { ackedItemsLost, History, replicasSeenBy } from '../client';
import type { Topology } from '../topology/topology';
import type { Evidence } from './types';

const TAIL_LINES = 40;

const t0 = (h: History) => Math.min(...h.ops.map((o) => o.startedAt));

export async function collectEvidence(topo: Topology, history: History): Promise<Evidence> {
  const tail = (s: string) => s.split('\n').slice(-TAIL_LINES).join('\n');
  const [balancerConfig, logs] = await Promise.all([
    topo.balancerConfig().catch((e: Error) => `(no config: ${e.message})`),
    topo.logs().catch((e: Error) => ({ error: e.message }) as Record<string, string>),
  ]);
  const carts = ackedItemsLost(history);
  const faults = history.faults().map((f) => `nemesis: ${f.fault} ${f.target} ${f.outcome}${f.error ? ` (${f.error})` : ''} at +${Math.round(f.startedAt - t0(history))} ms, took ${Math.round(f.endedAt - f.startedAt)} ms`);
  const summary = history.clients().map((c) => {
    const lost = carts.lost.filter((l) => l.client === c);
    const failed = history.forClient(c).filter((e) => e.outcome !== 'ok');
    return `${c}: ${replicasSeenBy(history, c).join('→') || '(never answered)'}${lost.length ? ` lost ${lost.map((l) => `${l.sku}×${l.expectedQty - l.seenQty}`).join(',')}` : ''}${failed.length ? ` failed ${failed.map((f) => `${f.method} ${f.path} ${f.status ?? f.error}`).join('; ')}` : ''}`;
  });
  return { summary: [...faults, `carts: ${carts.valid} — ${carts.reason}`, ...summary], balancerConfig, logs: Object.fromEntries(Object.entries(logs).map(([k, v]) => [k, tail(v)])) };
}
