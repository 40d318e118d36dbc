// 3 → 4 replicas: how many clients does each strategy remap, and what does it cost?
import { after, clientsStayed } from '../client';
import { cartsCheck, closeAll, fill, makeClients, placement, runScenario, spread } from './harness';
import { matrixRow } from './row';
import type { RunOptions, ScenarioParams, ScenarioResult } from './types';
import { decomposeMoves } from './moves';

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
      const scale = await r.nemesis.addReplica();
      const added = scale.target;
      const later = await placement(clients, 2);
      const stayed = clientsStayed(before, later);
      const carts = cartsCheck(r.history);
      const facts: ScaleFacts = { added, movedClients: stayed.moves.map((m) => m.client).sort(), lostClients: carts.lost, spreadAfter: spread(later) };
      const row = matrixRow(ID, params, {
        moves: decomposeMoves(stayed.moves, { added: [added] }),
        clients: clients.length,
        lost: carts.check,
        moved: stayed,
        history: after(r.history, scale),
        replicas: [...r.replicas, added],
        note: `after: ${facts.spreadAfter}`,
      });
      return { rows: [row], facts };
    } finally {
      closeAll(clients);
    }
  });
}
