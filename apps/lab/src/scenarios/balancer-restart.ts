// The balancer is restarted (a new process: what it learned in memory is
// gone) and, in a second variant with other users, reloaded (graceful, same
// config) while users are busy. Who keeps their replica, who loses a cart?
import { clientsStayed, History, userAddress } from '../client';
import { whileBusy } from './busy';
import { cartsCheck, closeAll, CLIENTS, fill, makeClients, placement, Run, runScenario, spread } from './harness';
import { Nemesis } from './nemesis';
import { matrixRow } from './row';
import type { MatrixRow, RunOptions, ScenarioParams, ScenarioResult } from './types';

export const ID = 'balancer-restart';

export type BalancerFault = 'restart' | 'reload';

export interface RestartVariantFacts {
  movedClients: string[];
  lostClients: string[];
  /** Requests that did not get a 2xx while the balancer went away and came back. */
  failedRequests: number;
  /** How long the restart or reload took, start to serving again. */
  faultMs: number;
  spreadAfter: string;
}

export type RestartFacts = Record<BalancerFault, RestartVariantFacts>;

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<RestartFacts>> {
  return runScenario(params, options, async (r) => {
    const restart = await variant(r, 'restart', 0, 'r');
    const reload = await variant(r, 'reload', CLIENTS, 'l');
    return { rows: [restart.row, reload.row], facts: { restart: restart.facts, reload: reload.facts } };
  });
}

/** Each variant has its own users (own addresses: a stick table keys on them) and its own history. */
async function variant(r: Run, fault: BalancerFault, offset: number, prefix: string): Promise<{ row: MatrixRow; facts: RestartVariantFacts }> {
  const own = new History();
  const nemesis = new Nemesis(r.topo, own);
  const clients = makeClients({ ...r, history: own }, CLIENTS, (i) => userAddress(offset + i), prefix);
  try {
    await fill({ ...r, history: own }, clients);
    const before = await placement(clients, 2);
    const entry = await whileBusy(clients, () => (fault === 'restart' ? nemesis.restartBalancer() : nemesis.reloadBalancer()));
    await fill({ ...r, history: own }, clients, 1);
    const later = await placement(clients, 2);
    const stayed = clientsStayed(before, later);
    const carts = cartsCheck(own);
    const facts: RestartVariantFacts = {
      movedClients: stayed.moves.map((m) => m.client).sort(),
      lostClients: carts.lost,
      failedRequests: own.entries.filter((e) => e.outcome !== 'ok').length,
      faultMs: Math.round(entry.endedAt - entry.startedAt),
      spreadAfter: spread(later),
    };
    const note = `${fault} took ${facts.faultMs} ms; ${facts.movedClients.length} clients moved; after: ${facts.spreadAfter}`;
    const row = matrixRow(ID, r.params, { variant: fault, clients: clients.length, lost: carts.check, moved: stayed, history: own, replicas: r.replicas, note });
    return { row, facts };
  } finally {
    closeAll(clients);
    for (const op of own.ops) r.history.record(op);
  }
}
