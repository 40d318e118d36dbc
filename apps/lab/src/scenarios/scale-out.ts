// 3 → 4 replicas: how many clients does each strategy remap, and what does it cost?
import { after, clientsStayed } from '../client';
import { cartsCheck, closeAll, fill, makeClients, placement, runScenario, spread } from './harness';
import { placerNow, predict } from './predicted';
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
      const placeBefore = await placerNow(r.topo);
      const scale = await r.nemesis.addReplica();
      const added = scale.target;
      const later = await placement(clients, 2);
      const placeAfter = await placerNow(r.topo);
      const stayed = clientsStayed(before, later);
      const carts = cartsCheck(r.history);
      const facts: ScaleFacts = { added, movedClients: stayed.moves.map((m) => m.client).sort(), lostClients: carts.lost, spreadAfter: spread(later) };
      const window = after(r.history, scale);
      const replicas = [...r.replicas, added];
      const phases = [{ place: placeBefore, measured: before }, { place: placeAfter, measured: later }];
      const row = matrixRow(ID, params, {
        moves: decomposeMoves(stayed.moves, { added: [added] }),
        clients: clients.length,
        lost: carts.check,
        moved: stayed,
        history: window,
        replicas,
        note: `after: ${facts.spreadAfter}`,
        predicted: predict(clients, phases, window, replicas),
      });
      return { rows: [row], facts };
    } finally {
      closeAll(clients);
    }
  });
}
