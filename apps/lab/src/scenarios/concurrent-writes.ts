// One user, many tabs: parallel adds of one session through nginx.
import { entriesOf, now, within } from '../client';
import { all, cartsCheck, closeAll, makeClients, runScenario } from './harness';
import { matrixRow } from './row';
import type { RunOptions, ScenarioParams, ScenarioResult } from './types';

export const ID = 'concurrent-writes';
export const WRITERS = 6;
export const PARALLEL_ADDS = 8;

export interface ClientTally {
  client: string;
  ok: number;
  unknown: number;
  /** Quantity of the contended SKU in the final read (undefined: no final read). */
  finalQty?: number;
}

export interface ConcurrentFacts {
  tallies: ClientTally[];
  lostClients: string[];
}

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<ConcurrentFacts>> {
  return runScenario(params, options, async (r) => {
    const clients = makeClients(r, WRITERS);
    const [first, contended] = [r.skus[0], r.skus[1 % r.skus.length]];
    try {
      // The first add creates the session (and pins it); then the burst.
      await all(clients, (c) => c.addItem(first, 1));
      const burstFrom = now();
      await all(clients, (c) => Promise.all(Array.from({ length: PARALLEL_ADDS }, () => c.addItem(contended, 1))));
      const finals = await all(clients, (c) => c.getCart());
      const burst = entriesOf(within(r.history, { from: burstFrom }));
      const tallies = clients.map((c, i): ClientTally => {
        const mine = burst.filter((e) => e.client === c.name && e.op === 'addItem');
        return {
          client: c.name,
          ok: mine.filter((e) => e.outcome === 'ok').length,
          unknown: mine.filter((e) => e.outcome === 'unknown').length,
          finalQty: finals[i].ok ? (finals[i].body?.items.find((l) => l.sku === contended)?.qty ?? 0) : undefined,
        };
      });
      const carts = cartsCheck(r.history);
      const row = matrixRow(ID, params, {
        clients: clients.length,
        lost: carts.check,
        moved: 0,
        history: burst,
        replicas: r.replicas,
        note: `${WRITERS} clients × ${PARALLEL_ADDS} parallel adds; final quantities ${tallies.map((t) => t.finalQty ?? '?').join(' ')}`,
      });
      return { rows: [row], facts: { tallies, lostClients: carts.lost } };
    } finally {
      closeAll(clients);
    }
  });
}
