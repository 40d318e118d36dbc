// Clients that forge cookies: route values nginx never issued (unknown
// names, addresses, paths, junk, 2 KB), session ids unsigned, badly signed,
// malformed or 3 KB, and a victim's session id replayed without its
// signature. Expected: no 5xx and no request without an answer; forged
// routes fall back to normal balancing (round robin over every replica, so
// the 9 forged-route clients reach all 3); every forged sid is replaced by a
// fresh session on the first write; nobody sees an item that is not their
// own; the replayed id does not open the victim's cart.
import { FORGED_ROUTES, type HostileFacts } from '../../apps/lab/src/scenarios/hostile-client';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';

type R = ScenarioResult<HostileFacts>;

function unharmed(r: R): void {
  expect(r.facts.serverErrors).toEqual([]);
  expect(r.facts.statuses.every((s) => s >= 200 && s < 300)).toBe(true);
  expect(FORGED_ROUTES.length).toBeGreaterThanOrEqual(3);
  expect(r.facts.forgedRouteReplicas).toEqual(['app1', 'app2', 'app3']);
  expect(r.facts.keptForgedSid).toEqual([]);
  expect(r.facts.sawForeignItems).toEqual([]);
  expect(r.facts.replayedVictimCart).toBe(false);
}

scenarioSuite<HostileFacts>('hostile-client', {
  'sticky-cookie/memory': unharmed,
  'sticky-cookie/redis': unharmed,
  'haproxy/sticky-cookie/memory': unharmed,
});
