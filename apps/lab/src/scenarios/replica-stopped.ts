// SIGTERM app2 while every client is busy reading: a graceful stop.
import { clientsMoved } from '../client';
import { whileBusy } from './busy';
import { clientsOn, closeAll, fill, lostClients, makeClients, placement, runScenario } from './harness';
import { matrixRow } from './row';
import type { ScenarioParams, ScenarioResult } from './types';

export const ID = 'replica-stopped';
export const VICTIM = 'app2';

export interface StoppedFacts {
  victimClients: string[];
  movedClients: string[];
  lostClients: string[];
  /** Requests sent while app2 was stopping (and right after). */
  requestsDuringStop: number;
  failedDuringStop: string[];
}

export function run(params: ScenarioParams): Promise<ScenarioResult<StoppedFacts>> {
  return runScenario(params, async (r) => {
    const clients = makeClients(r);
    try {
      await fill(r, clients);
      const before = await placement(clients);
      const mark = r.history.entries.length;
      await whileBusy(clients, () => r.topo.stop(VICTIM));
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
        failedDuringStop: during.filter((e) => e.outcome !== 'ok').map((e) => `${e.client} ${e.method} ${e.path} ${e.status ?? e.error}`),
      };
      const note = `${during.length} requests in flight around the stop, ${facts.failedDuringStop.length} failed`;
      const row = matrixRow(ID, params, { clients: clients.length, lost: lost.length, moved: moved.length, history: during, replicas: r.replicas, note });
      return { rows: [row], facts };
    } finally {
      closeAll(clients);
    }
  });
}
