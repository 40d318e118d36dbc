// SIGTERM app2 while every client is busy reading: a graceful stop.
import { clientsStayed, entriesOf, now, within } from '../client';
import { whileBusy } from './busy';
import { failedRequests } from './measures';
import { cartsCheck, clientsOn, closeAll, fill, makeClients, placement, runScenario, tally } from './harness';
import { matrixRow } from './row';
import type { RunOptions, ScenarioParams, ScenarioResult } from './types';

export const ID = 'replica-stopped';
export const VICTIM = 'app2';

export interface StoppedFacts {
  victimClients: string[];
  movedClients: string[];
  lostClients: string[];
  /** Requests sent while app2 was stopping (and right after). */
  requestsDuringStop: number;
  failedDuringStop: string[];
  /** Who answered the burst app2's clients sent right before SIGTERM (app2 itself, or a replica nginx retried on). */
  burstServedBy: string[];
}

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<StoppedFacts>> {
  return runScenario(params, options, async (r) => {
    const clients = makeClients(r);
    try {
      await fill(r, clients);
      const before = await placement(clients);
      let burstServedBy: string[] = [];
      const onVictim = clients.filter((c) => before[c.name] === VICTIM);
      const busyFrom = now();
      await whileBusy(clients, async () => {
        // A burst to app2 sent just before SIGTERM, so requests are in flight.
        const burst = onVictim.map((c) => c.getCart());
        await r.nemesis.stop(VICTIM);
        burstServedBy = (await Promise.all(burst)).map((b) => (b.ok ? (b.servedBy ?? '?') : `failed ${b.status ?? b.error}`));
      });
      // The busy window, the stop in it: every request sent while it lasted.
      const during = entriesOf(within(r.history, { from: busyFrom }));
      const later = await placement(clients);
      const stayed = clientsStayed(before, later);
      const carts = cartsCheck(r.history);
      const failed = failedRequests(during);
      const facts: StoppedFacts = {
        victimClients: clientsOn(before, VICTIM),
        movedClients: stayed.moves.map((m) => m.client).sort(),
        lostClients: carts.lost,
        requestsDuringStop: during.length,
        burstServedBy,
        failedDuringStop: failed.map((e) => `${e.client} ${e.method} ${e.path} ${e.status ?? e.error}`),
      };
      const note = `${facts.requestsDuringStop} requests around the stop, ${failed.length} failed; the burst sent at SIGTERM was answered by ${tally(burstServedBy)}`;
      const row = matrixRow(ID, params, { clients: clients.length, lost: carts.check, moved: stayed, history: during, replicas: r.replicas, note });
      return { rows: [row], facts };
    } finally {
      closeAll(clients);
    }
  });
}
