// Taking app2 out for maintenance: `server … down` versus removing its line.
import { clientsMoved, LabClient } from '../client';
import { waitFor } from '../process/wait';
import { clientsOn, closeAll, fill, lostClients, makeClients, placement, Run, runScenario } from './harness';
import { matrixRow } from './row';
import type { MatrixRow, RunOptions, ScenarioParams, ScenarioResult } from './types';

export const ID = 'maintenance';
export const VICTIM = 'app2';

export interface PhaseFacts {
  /** Clients on app2 just before the change. */
  onVictim: string[];
  movedClients: string[];
  lostClients: string[];
}

export interface MaintenanceFacts {
  down: PhaseFacts;
  removed: PhaseFacts;
  /** After `down` was lifted: app2's clients that found their old cart again. */
  cartsBackAfterUndrain: string[];
}

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<MaintenanceFacts>> {
  return runScenario(params, options, async (r) => {
    const clients = makeClients(r);
    try {
      await fill(r, clients);
      const down = await phase(r, clients, 'down', () => r.topo.markDown(VICTIM, true));
      await r.topo.markDown(VICTIM, false);
      const back = await untilBack(r, clients, down.facts.onVictim);
      const removed = await phase(r, clients, 'removed', () => r.topo.removeReplica(VICTIM));
      const facts: MaintenanceFacts = { down: down.facts, removed: removed.facts, cartsBackAfterUndrain: back };
      const downRow = { ...down.row, note: `${down.row.note}; ${back.length} found their cart again once \`down\` was lifted` };
      return { rows: [downRow, removed.row], facts };
    } finally {
      closeAll(clients);
    }
  });
}

async function phase(r: Run, clients: LabClient[], variant: string, change: () => Promise<void>): Promise<{ row: MatrixRow; facts: PhaseFacts }> {
  const before = await placement(clients);
  const lostBefore = lostClients(r.history);
  const mark = r.history.entries.length;
  await change();
  const after = await placement(clients, 2);
  const slice = r.history.since(mark);
  const facts: PhaseFacts = {
    onVictim: clientsOn(before, VICTIM),
    movedClients: clientsMoved(before, after).map((m) => m.client).sort(),
    // Only the losses this change caused: the clients already cartless stay so.
    lostClients: lostClients(r.history).filter((c) => !lostBefore.includes(c)),
  };
  const row = matrixRow(ID, r.params, {
    variant,
    clients: clients.length,
    lost: facts.lostClients.length,
    moved: facts.movedClients.length,
    history: slice,
    replicas: r.replicas.filter((n) => n !== VICTIM),
    note: `${facts.onVictim.length} clients were on ${VICTIM}, ${facts.movedClients.length} moved`,
  });
  return { row, facts };
}

/**
 * Hash strategies send app2's clients back once it is in rotation again
 * (poll, bounded); a sticky-cookie client was re-pinned and stays. Returns the
 * clients whose old cart on app2 is visible again.
 */
async function untilBack(r: Run, clients: LabClient[], onVictim: string[]): Promise<string[]> {
  const mine = clients.filter((c) => onVictim.includes(c.name));
  if (r.params.strategy !== 'sticky-cookie' && mine.length) {
    await waitFor(`${VICTIM}'s clients routed back after down was lifted`, async () => (await mine[0].getCart()).servedBy === VICTIM, {
      timeoutMs: 10_000,
      intervalMs: 100,
    });
  }
  const replies = await Promise.all(mine.map((c) => c.getCart()));
  return mine.filter((c, i) => replies[i].servedBy === VICTIM && (replies[i].body?.items.length ?? 0) > 0).map((c) => c.name);
}
