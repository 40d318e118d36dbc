// Taking app2 out for maintenance: `server … down` versus removing its line.
import { after, clientsStayed, FaultEntry, LabClient, LostCheck, nameList } from '../client';
import { waitFor } from '../util/wait';
import { cartsCheck, clientsOn, closeAll, fill, makeClients, placement, Run, runScenario } from './harness';
import { placerNow, predict } from './predicted';
import { matrixRow } from './row';
import type { MatrixRow, RunOptions, ScenarioParams, ScenarioResult } from './types';
import { decomposeMoves } from './moves';

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
  /** After the mark-up lifted `down`: app2's clients that found their old cart again. */
  cartsBackAfterMarkUp: string[];
}

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<MaintenanceFacts>> {
  return runScenario(params, options, async (r) => {
    const clients = makeClients(r);
    try {
      await fill(r, clients);
      const down = await phase(r, clients, 'down', () => r.nemesis.markDown(VICTIM, true));
      await r.nemesis.markDown(VICTIM, false);
      const back = await untilBack(r, clients, down.facts.onVictim);
      const removed = await phase(r, clients, 'removed', () => r.nemesis.removeReplica(VICTIM));
      const facts: MaintenanceFacts = { down: down.facts, removed: removed.facts, cartsBackAfterMarkUp: back };
      const downRow = { ...down.row, note: `${down.row.note}; ${back.length} found their cart again once \`down\` was lifted` };
      return { rows: [downRow, removed.row], facts };
    } finally {
      closeAll(clients);
    }
  });
}

async function phase(r: Run, clients: LabClient[], variant: string, change: () => Promise<FaultEntry>): Promise<{ row: MatrixRow; facts: PhaseFacts }> {
  const before = await placement(clients);
  const placeBefore = await placerNow(r.topo);
  const lostBefore = cartsCheck(r.history).lost;
  const fault = await change();
  const later = await placement(clients, 2);
  const placeAfter = await placerNow(r.topo);
  const slice = after(r.history, fault);
  const stayed = clientsStayed(before, later);
  const carts = cartsCheck(r.history);
  const facts: PhaseFacts = {
    onVictim: clientsOn(before, VICTIM),
    movedClients: stayed.moves.map((m) => m.client).sort(),
    // Only the losses this change caused: the clients already cartless stay so.
    lostClients: carts.lost.filter((c) => !lostBefore.includes(c)),
  };
  const replicas = r.replicas.filter((n) => n !== VICTIM);
  const phases = [{ place: placeBefore, measured: before }, { place: placeAfter, measured: later }];
  const row = matrixRow(ID, r.params, {
    variant,
    moves: decomposeMoves(stayed.moves, { removed: [VICTIM] }),
    clients: clients.length,
    lost: newLosses(carts.check, lostBefore),
    moved: stayed,
    history: slice,
    replicas,
    note: `${facts.onVictim.length} clients were on ${VICTIM}, ${facts.movedClients.length} moved`,
    predicted: predict(clients, phases, slice, replicas),
  });
  return { row, facts };
}

/** The cart check narrowed to losses this change caused. */
function newLosses(check: LostCheck, lostBefore: string[]): LostCheck {
  const lost = check.lost.filter((l) => !lostBefore.includes(l.client));
  const losers = [...new Set(lost.map((l) => l.client))];
  if (losers.length) return { ...check, valid: false, lost, reason: `${losers.length} more clients lost an acknowledged item (${nameList(losers)})` };
  if (check.unread.length) return { ...check, valid: 'unknown', lost };
  return { ...check, valid: true, lost, reason: 'no acknowledged item lost by this change' };
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
