// What a failed scenario prints: per-client story, nginx config, log tails.
import { ackedItemsLost, History, replicasSeenBy } from '../client';
import type { Topology } from '../topology/topology';
import type { Evidence } from './types';

const TAIL_LINES = 40;

export async function collectEvidence(topo: Topology, history: History): Promise<Evidence> {
  const tail = (s: string) => s.split('\n').slice(-TAIL_LINES).join('\n');
  const [nginxConfig, logs] = await Promise.all([
    topo.nginxConfig().catch((e: Error) => `(no config: ${e.message})`),
    topo.logs().catch((e: Error) => ({ error: e.message }) as Record<string, string>),
  ]);
  const summary = history.clients().map((c) => {
    const lost = ackedItemsLost(history.forClient(c));
    const failed = history.forClient(c).filter((e) => e.outcome !== 'ok');
    return `${c}: ${replicasSeenBy(history, c).join('→') || '(never answered)'}${lost.length ? ` lost ${lost.map((l) => `${l.sku}×${l.expectedQty - l.seenQty}`).join(',')}` : ''}${failed.length ? ` failed ${failed.map((f) => `${f.method} ${f.path} ${f.status ?? f.error}`).join('; ')}` : ''}`;
  });
  return { summary, nginxConfig, logs: Object.fromEntries(Object.entries(logs).map(([k, v]) => [k, tail(v)])) };
}
