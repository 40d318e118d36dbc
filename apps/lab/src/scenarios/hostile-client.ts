// A client that lies in its cookies: forged/garbled `route` and `sid`.
import { userAddress } from '../client';
import { all, closeAll, makeClients, runScenario, unmovedRow } from './harness';
import type { RunOptions, ScenarioParams, ScenarioResult } from './types';

export const ID = 'hostile-client';

/** Route values nginx never issued: unknown names, addresses, paths, junk, huge. */
export const FORGED_ROUTES = ['app9', 'app0', '127.0.0.1:22', 'localhost', '../../etc/passwd', 'pool_all', '%00%ff', '', 'A'.repeat(2000)];
/** Session ids that are unsigned, badly signed, malformed or huge. */
export const FORGED_SIDS = ['s%3Aforged.c2lnbmF0dXJl', 'forged', 's%3A', '%ff%fe', 'x'.repeat(3000)];

export interface HostileFacts {
  /** Every status the hostile clients got. */
  statuses: number[];
  /** Requests that got no answer or a 5xx. */
  serverErrors: string[];
  /** Replicas that served the clients with a forged route (normal balancing spreads them). */
  forgedRouteReplicas: string[];
  /** Forged-sid clients whose sid was not replaced by a fresh one on their first write. */
  keptForgedSid: string[];
  /** Hostile clients whose cart held anything but their own item. */
  sawForeignItems: string[];
  /** The victim's sid replayed without its signature: did the attacker see the victim's cart? */
  replayedVictimCart: boolean;
}

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<HostileFacts>> {
  return runScenario(params, options, async (r) => {
    const [victim] = makeClients(r, 1, () => userAddress(250), 'victim');
    const routes = makeClients(r, FORGED_ROUTES.length, userAddress, 'route');
    const sids = makeClients(r, FORGED_SIDS.length, (i) => userAddress(100 + i), 'sid');
    const replay = makeClients(r, 1, () => userAddress(251), 'replay')[0];
    const hostile = [...routes, ...sids, replay];
    try {
      await victim.addItem(r.skus[0], 3);
      routes.forEach((c, i) => c.setCookie('route', FORGED_ROUTES[i]));
      sids.forEach((c, i) => c.setCookie('sid', FORGED_SIDS[i]));
      // An unsigned copy of the victim's session id: a stolen id without the secret.
      const victimSid = decodeURIComponent(victim.cookies().sid ?? '');
      replay.setCookie('sid', encodeURIComponent(victimSid.replace(/^s:/, '').split('.')[0]));
      replay.setCookie('route', victim.cookies().route ?? 'app1');
      const own = r.skus[r.skus.length - 1];
      await all(hostile, (c) => c.getCart());
      await all(hostile, (c) => c.addItem(own, 1));
      const finals = await all(hostile, (c) => c.getCart());
      const entries = r.history.entries.filter((e) => e.client !== victim.name);
      const facts: HostileFacts = {
        statuses: entries.map((e) => e.status ?? 0),
        serverErrors: entries.filter((e) => !e.status || e.status >= 500).map((e) => `${e.client} ${e.method} ${e.path} ${e.status ?? e.error}`),
        forgedRouteReplicas: [...new Set(r.history.entries.filter((e) => routes.some((c) => c.name === e.client) && e.servedBy).map((e) => e.servedBy!))].sort(),
        keptForgedSid: sids.filter((c, i) => c.cookies().sid === FORGED_SIDS[i]).map((c) => c.name),
        sawForeignItems: hostile
          .filter((c, i) => finals[i].body?.items.some((l) => l.sku !== own || l.qty !== 1))
          .map((c) => c.name),
        replayedVictimCart: finals.at(-1)?.body?.items.some((l) => l.sku === r.skus[0]) ?? false,
      };
      const row = unmovedRow(ID, r, {
        clients: hostile.length,
        history: entries,
        note: `forged routes served by ${facts.forgedRouteReplicas.join(', ')}; ${facts.serverErrors.length} server errors; foreign items seen by ${facts.sawForeignItems.length}`,
      });
      return { rows: [row], facts };
    } finally {
      closeAll([victim, ...hostile]);
    }
  });
}
