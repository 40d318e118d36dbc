// SIGKILL app2 after 30 clients (distinct /24s) each added an item.
// Expected, memory store: the clients app2 served (about a third, ~10) lose
// their cart — exactly those, nobody else — and only they move. Redis store:
// no acknowledged item is lost. nginx routes around the dead replica
// (connection refused → proxy_next_upstream), so no request fails.
import type { KilledFacts } from '../../apps/lab/src/scenarios/replica-killed';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';

type R = ScenarioResult<KilledFacts>;

function memory(r: R): void {
  expect(r.facts.victimClients.length).toBeGreaterThan(0);
  expect(r.facts.lostClients).toEqual(r.facts.victimClients);
  expect(r.facts.movedClients).toEqual(r.facts.victimClients);
  expect(r.facts.failedAfterKill).toBe(0);
  // Re-pinned once, to one live replica, for the next 10 requests; a route cookie says so.
  expect(r.rows[0].repin).toMatchObject({ replicas_seen: 1, fresh_route_cookie: r.rows[0].strategy === 'sticky-cookie' });
  expect(typeof r.rows[0].repin!.first_answer_ms).toBe('number');
}

function redis(r: R): void {
  expect(r.facts.lostClients).toEqual([]);
  expect(r.facts.failedAfterKill).toBe(0);
}

scenarioSuite<KilledFacts>('replica-killed', {
  'ip-hash/memory': memory,
  'sticky-cookie/memory': memory,
  'round-robin/redis': redis,
  // With affinity, only app2's clients are re-pinned, and they keep their carts.
  'sticky-cookie/redis': (r) => {
    redis(r);
    expect(r.facts.movedClients).toEqual(r.facts.victimClients);
  },
  'haproxy/sticky-cookie/memory': memory,
}, {
  provedBy: {
    'consistent-hash/memory':
      'ip-hash/memory (exactly the dead replica\'s clients move and lose their cart) with placement-replay.test.ts (the ring sends only the dead replica\'s keys to the next point, as its replay says)',
  },
});
