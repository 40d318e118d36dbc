// app2 dies, its clients rebuild their carts elsewhere, app2 comes back:
// do they flip back (and lose the rebuilt cart) or stay where they are?
import { after, clientsStayed, LabClient } from '../client';
import { waitFor } from '../util/wait';
import { cartsCheck, clientsOn, closeAll, fill, makeClients, placement, Run, runScenario } from './harness';
import { matrixRow } from './row';
import type { RunOptions, ScenarioParams, ScenarioResult } from './types';

export const ID = 'replica-returns';
export const VICTIM = 'app2';

export interface ReturnsFacts {
  /** Clients app2 served before it died. */
  displaced: string[];
  /** Clients whose replica changed when app2 came back. */
  movedBack: string[];
  /** Clients that lost the cart they rebuilt while app2 was away. */
  lostRebuilt: string[];
}

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<ReturnsFacts>> {
  return runScenario(params, options, async (r) => {
    const clients = makeClients(r);
    try {
      await fill(r, clients);
      const before = await placement(clients);
      const kill = await r.nemesis.kill(VICTIM);
      // The rebuild: every client adds a second item wherever it lands now.
      await fill(r, clients, 1);
      const away = await placement(clients);
      await r.nemesis.start(VICTIM);
      await untilVictimServes(r, clients, before);
      const back = await placement(clients, 2);
      const stayed = clientsStayed(away, back);
      const movedBack = stayed.moves.map((m) => m.client).sort();
      // Judged from the rebuild on: the loss of the first cart is the kill's, not the return's.
      const sinceKill = after(r.history, kill);
      const carts = cartsCheck(sinceKill);
      const facts: ReturnsFacts = { displaced: clientsOn(before, VICTIM), movedBack, lostRebuilt: carts.lost };
      const note = `${facts.displaced.length} clients displaced by the kill; ${movedBack.length} moved when ${VICTIM} returned`;
      const row = matrixRow(ID, params, { clients: clients.length, lost: carts.check, moved: stayed, history: sinceKill, replicas: r.replicas, note });
      return { rows: [row], facts };
    } finally {
      closeAll(clients);
    }
  });
}

/**
 * nginx marked app2 failed for `fail_timeout`; poll until it is back in
 * rotation: a displaced hash client is served by it again, or (sticky-cookie,
 * whose pinned clients never go back) a fresh client without a cookie is.
 */
async function untilVictimServes(r: Run, clients: LabClient[], before: Record<string, string>): Promise<void> {
  const victim = clients.find((c) => before[c.name] === VICTIM);
  const fresh = new LabClient({ name: 'probe', baseUrl: r.topo.url });
  try {
    await waitFor(
      `${VICTIM} back in nginx's rotation`,
      async () => {
        const reply = r.params.strategy === 'sticky-cookie' || !victim ? await (fresh.clearCookies(), fresh.root()) : await victim.getCart();
        return reply.servedBy === VICTIM;
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
  } finally {
    fresh.close();
  }
}
