// 3 → 4 replicas: how many clients does each strategy remap, and what does it cost?
import { clientsMoved } from '../client';
import { closeAll, fill, lostClients, makeClients, placement, runScenario, spread } from './harness';
import { matrixRow } from './row';
import type { RunOptions, ScenarioParams, ScenarioResult } from './types';

export const ID = 'scale-out';

export interface ScaleFacts {
  added: string;
  movedClients: string[];
  lostClients: string[];
  /** Clients per replica after the scale-out. */
  spreadAfter: string;
}

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<ScaleFacts>> {
  return runScenario(params, options, async (r) => {
    const clients = makeClients(r);
    try {
      await fill(r, clients);
      const before = await placement(clients);
      const added = await r.topo.addReplica();
      const mark = r.history.entries.length;
      const after = await placement(clients, 2);
      const moved = clientsMoved(before, after).map((m) => m.client).sort();
      const lost = lostClients(r.history);
      const facts: ScaleFacts = { added, movedClients: moved, lostClients: lost, spreadAfter: spread(after) };
      const note = `after: ${facts.spreadAfter}`;
      const row = matrixRow(ID, params, {
        clients: clients.length,
        lost: lost.length,
        moved: moved.length,
        history: r.history.since(mark),
        replicas: [...r.replicas, added],
        note,
      });
      return { rows: [row], facts };
    } finally {
      closeAll(clients);
    }
  });
}
