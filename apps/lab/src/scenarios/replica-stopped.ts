// SIGTERM app2 while every client is busy reading: a graceful stop.
import { clientsMoved } from '../client';
import { whileBusy } from './busy';
import { clientsOn, closeAll, fill, lostClients, makeClients, placement, runScenario } from './harness';
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

const tally = (xs: string[]) =>
  [...new Set(xs)]
    .sort()
    .map((x) => `${x} ×${xs.filter((y) => y === x).length}`)
    .join(', ');

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<StoppedFacts>> {
  return runScenario(params, options, async (r) => {
    const clients = makeClients(r);
    try {
      await fill(r, clients);
      const before = await placement(clients);
      const mark = r.history.entries.length;
      let burstServedBy: string[] = [];
      const onVictim = clients.filter((c) => before[c.name] === VICTIM);
      await whileBusy(clients, async () => {
        // A burst to app2 sent just before SIGTERM, so requests are in flight.
        const burst = onVictim.map((c) => c.getCart());
        await r.topo.stop(VICTIM);
        burstServedBy = (await Promise.all(burst)).map((b) => (b.ok ? (b.servedBy ?? '?') : `failed ${b.status ?? b.error}`));
      });
      const during = r.history.since(mark);
      const after = await placement(clients);
      const victims = clientsOn(before, VICTIM);
      const moved = clientsMoved(before, after).map((m) => m.client).sort();
      const lost = lostClients(r.history);
      const facts: StoppedFacts = {
        victimClients: victims,
        movedClients: moved,
        lostClients: lost,
        requestsDuringStop: during.length,
        burstServedBy,
        failedDuringStop: during.filter((e) => e.outcome !== 'ok').map((e) => `${e.client} ${e.method} ${e.path} ${e.status ?? e.error}`),
      };
      const note = `${during.length} requests around the stop, ${facts.failedDuringStop.length} failed; the burst sent at SIGTERM was answered by ${tally(burstServedBy)}`;
      const row = matrixRow(ID, params, { clients: clients.length, lost: lost.length, moved: moved.length, history: during, replicas: r.replicas, note });
      return { rows: [row], facts };
    } finally {
      closeAll(clients);
    }
  });
}
