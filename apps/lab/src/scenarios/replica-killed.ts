// SIGKILL app2: who loses a cart, who moves, where to.
import { after, clientsStayed, type LabClient } from '../client';
import { failedRequests } from './measures';
import { all, cartsCheck, clientsOn, closeAll, fill, makeClients, placement, runScenario, spread } from './harness';
import { placerNow, predict } from './predicted';
import { matrixRow } from './row';
import type { RunOptions, ScenarioParams, ScenarioResult } from './types';
import { measureRepin, REPIN_WINDOW } from './repin';

export const ID = 'replica-killed';
export const VICTIM = 'app2';

export interface KilledFacts {
  /** Clients app2 served before the kill. */
  victimClients: string[];
  movedClients: string[];
  lostClients: string[];
  /** Where app2's clients went, e.g. `app1 ×4, app3 ×6`. */
  wentTo: string;
  /** Requests after the kill that did not get a 2xx. */
  failedAfterKill: number;
}

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<KilledFacts>> {
  return runScenario(params, options, async (r) => {
    const clients = makeClients(r);
    try {
      await fill(r, clients);
      const routeBefore = routes(clients);
      const before = await placement(clients);
      const placeBefore = await placerNow(r.topo);
      const kill = await r.nemesis.kill(VICTIM);
      // Read, add a second item, read again: the first read after the kill
      // is the one nginx must route around the dead replica.
      await all(clients, (c) => c.getCart());
      await fill(r, clients, 1);
      // More reads, REPIN_WINDOW requests in all: does each client stay where it was re-pinned?
      await placement(clients, REPIN_WINDOW - 3);
      const later = await placement(clients);
      const placeAfter = await placerNow(r.topo);
      const victims = clientsOn(before, VICTIM);
      const stayed = clientsStayed(before, later);
      const moved = stayed.moves.map((m) => m.client).sort();
      const carts = cartsCheck(r.history);
      const afterKill = after(r.history, kill);
      const facts: KilledFacts = {
        victimClients: victims,
        movedClients: moved,
        lostClients: carts.lost,
        wentTo: spread(later, victims),
        failedAfterKill: failedRequests(afterKill).length,
      };
      const repin = measureRepin({ history: r.history, kill, victims, cookies: { before: routeBefore, after: routes(clients) } });
      const note = `${victims.length} clients on ${VICTIM}; they went to ${facts.wentTo || 'nowhere'}`;
      const replicas = r.replicas.filter((n) => n !== VICTIM);
      const phases = [{ place: placeBefore, measured: before }, { place: placeAfter, measured: later }];
      const predicted = predict(clients, phases, afterKill, replicas);
      const row = matrixRow(ID, params, { clients: clients.length, lost: carts.check, moved: stayed, history: afterKill, replicas, note, predicted });
      return { rows: [{ ...row, repin }], facts };
    } finally {
      closeAll(clients);
    }
  });
}

/** Each client's route cookie (the balancer's; absent under a hash strategy). */
function routes(clients: readonly LabClient[]): Record<string, string | undefined> {
  return Object.fromEntries(clients.map((c) => [c.name, c.cookies().route]));
}
