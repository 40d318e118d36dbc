// No fault: what each strategy does to a cart on a good day.
import { LabClient, lastReplicaByClient, replicasSeenBy, type Verdict } from '../client';
import { pct, replicasServing, staleReads } from './measures';
import { all, cartsCheck, closeAll, makeClients, runScenario } from './harness';
import { placerNow, predict } from './predicted';
import { matrixRow } from './row';
import type { RunOptions, ScenarioParams, ScenarioResult } from './types';

export const ID = 'steady-state';

export interface SteadyFacts {
  /** The flicker check: `unknown` when no cart read succeeded. */
  stale: Verdict;
  /** Clients answered by more than one replica. */
  multiReplicaClients: string[];
  staleReads: number;
  cartReads: number;
  lostClients: string[];
  /** Replicas that answered `GET /cart` and `POST /cart/items` (url-hash: one each). */
  cartReaders: string[];
  cartWriters: string[];
}

/** Each client: add, read ×3, add, read ×2 — enough requests to see a flicker. */
export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<SteadyFacts>> {
  return runScenario(params, options, async (r) => {
    const clients = makeClients(r);
    try {
      const sku = (c: LabClient, k: number) => r.skus[(clients.indexOf(c) + k) % r.skus.length];
      const rounds: ((c: LabClient) => Promise<unknown>)[] = [
        (c) => c.addItem(sku(c, 0), 1),
        (c) => c.getCart(),
        (c) => c.getCart(),
        (c) => c.getCart(),
        (c) => c.addItem(sku(c, 1), 1),
        (c) => c.getCart(),
        (c) => c.getCart(),
      ];
      for (const step of rounds) await all(clients, step);
    } finally {
      closeAll(clients);
    }
    const multi = clients.filter((c) => replicasSeenBy(r.history, c.name).length > 1).map((c) => c.name);
    const stale = staleReads(r.history);
    const carts = cartsCheck(r.history);
    const facts: SteadyFacts = {
      multiReplicaClients: multi,
      stale: { valid: stale.valid, reason: stale.reason },
      staleReads: stale.stale,
      cartReads: stale.reads,
      lostClients: carts.lost,
      cartReaders: replicasServing(r.history, 'GET', '/cart'),
      cartWriters: replicasServing(r.history, 'POST', '/cart/items'),
    };
    const note = `${stale.stale}/${stale.reads} cart reads stale (${Math.round(pct(stale.stale, stale.reads))} %)`;
    const predicted = predict(clients, [{ place: await placerNow(r.topo), measured: lastReplicaByClient(r.history) }], r.history, r.replicas);
    const row = matrixRow(ID, params, { clients: clients.length, lost: carts.check, moved: multi.length, history: r.history, replicas: r.replicas, note, predicted });
    return { rows: [{ ...row, checks: { ...row.checks, stale: facts.stale } }], facts };
  });
}
