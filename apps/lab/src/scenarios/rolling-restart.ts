// A deploy: mark down, stop, start and mark up each replica in turn while clients keep reading.
import { clientsStayed, entriesOf, now, within } from '../client';
import { whileBusy } from './busy';
import { failedRequests } from './measures';
import { cartsCheck, closeAll, fill, makeClients, placement, runScenario } from './harness';
import { matrixRow } from './row';
import type { RunOptions, ScenarioParams, ScenarioResult } from './types';

export const ID = 'rolling-restart';

export interface RollingFacts {
  lostClients: string[];
  requestsDuringRestart: number;
  failedDuringRestart: string[];
}

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<RollingFacts>> {
  return runScenario(params, options, async (r) => {
    const clients = makeClients(r);
    try {
      await fill(r, clients);
      const before = await placement(clients);
      const busyFrom = now();
      await whileBusy(clients, async () => {
        // The way a deploy should go: mark down (nginx `down`, a reload that
        // also resets nginx's failure counters), restart, put back. Stopping
        // the next replica within `fail_timeout` of the previous one's return
        // made nginx see no live server in a sticky-cookie pool (502s).
        for (const name of r.replicas) {
          await r.nemesis.markDown(name, true);
          await r.nemesis.stop(name);
          await r.nemesis.start(name);
          await r.nemesis.markDown(name, false);
        }
        // A slower pace: three boots under load are the slow part on 2 cores.
      }, { paceMs: 250 });
      const during = entriesOf(within(r.history, { from: busyFrom }));
      const later = await placement(clients);
      const stayed = clientsStayed(before, later);
      const carts = cartsCheck(r.history);
      const failed = failedRequests(during);
      const facts: RollingFacts = {
        lostClients: carts.lost,
        requestsDuringRestart: during.length,
        failedDuringRestart: failed.map((e) => `${e.client} ${e.method} ${e.path} ${e.status ?? e.error}`),
      };
      const row = matrixRow(ID, params, {
        clients: clients.length,
        lost: carts.check,
        moved: stayed,
        history: during,
        replicas: r.replicas,
        note: `${during.length} requests during the restart, ${failed.length} failed`,
      });
      return { rows: [row], facts };
    } finally {
      closeAll(clients);
    }
  });
}
