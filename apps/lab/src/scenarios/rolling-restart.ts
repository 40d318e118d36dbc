// A deploy: drain, stop, start and undrain each replica in turn while clients keep reading.
import { whileBusy } from './busy';
import { clientsMoved } from '../client';
import { closeAll, fill, lostClients, makeClients, placement, runScenario } from './harness';
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
      const mark = r.history.entries.length;
      await whileBusy(clients, async () => {
        // The way a deploy should go: drain (nginx `down`, a reload that
        // also resets nginx's failure counters), restart, put back. Stopping
        // the next replica within `fail_timeout` of the previous one's return
        // made nginx see no live server in a sticky-cookie pool (502s).
        for (const name of r.replicas) {
          await r.topo.markDown(name, true);
          await r.topo.stop(name);
          await r.topo.start(name);
          await r.topo.markDown(name, false);
        }
        // A slower pace: three boots under load are the slow part on 2 cores.
      }, { paceMs: 250 });
      const during = r.history.since(mark);
      const after = await placement(clients);
      const moved = clientsMoved(before, after);
      const lost = lostClients(r.history);
      const facts: RollingFacts = {
        lostClients: lost,
        requestsDuringRestart: during.length,
        failedDuringRestart: during.filter((e) => e.outcome !== 'ok').map((e) => `${e.client} ${e.method} ${e.path} ${e.status ?? e.error}`),
      };
      const row = matrixRow(ID, params, {
        clients: clients.length,
        lost: lost.length,
        moved: moved.length,
        history: during,
        replicas: r.replicas,
        note: `${during.length} requests during the restart, ${facts.failedDuringRestart.length} failed`,
      });
      return { rows: [row], facts };
    } finally {
      closeAll(clients);
    }
  });
}
