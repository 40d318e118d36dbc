// 6 clients, each: one add (creates and pins the session), then 8 parallel
// adds of the same SKU through nginx. express-session saves the whole
// session after each request, so a naive cart loses updates (last writer
// wins); the cart must be mutated atomically. Expected: final quantity =
// acknowledged adds (8), plus at most the adds whose outcome is unknown;
// no acknowledged item lost. With Redis and round-robin the burst is spread
// over three replicas at once — the hardest case for atomicity.
import { PARALLEL_ADDS, type ConcurrentFacts } from '../../apps/lab/src/scenarios/concurrent-writes';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';

type R = ScenarioResult<ConcurrentFacts>;

function nothingLost(r: R): void {
  expect(r.facts.lostClients).toEqual([]);
  for (const t of r.facts.tallies) {
    expect({ client: t.client, ok: t.ok + t.unknown }).toEqual({ client: t.client, ok: PARALLEL_ADDS });
    expect(t.finalQty).toBeGreaterThanOrEqual(t.ok);
    expect(t.finalQty).toBeLessThanOrEqual(t.ok + t.unknown);
  }
  // On an idle loopback no add should even be uncertain.
  expect(r.facts.tallies.map((t) => t.finalQty)).toEqual(Array(r.facts.tallies.length).fill(PARALLEL_ADDS));
}

// Where a burst lands is the only thing the strategy changes: all on the
// client's pinned replica, or spread over three. One cell of each kind per
// store and balancer proves the cart's atomicity; that the other strategies
// pin a client is proved where each strategy is (test/lab/nginx-*.test.ts,
// placement-replay.test.ts).
const PINNED = (store: string) => `sticky-cookie/${store} (every client's burst on its one replica)`;

scenarioSuite<ConcurrentFacts>('concurrent-writes', {
  'sticky-cookie/memory': nothingLost,
  'round-robin/redis': nothingLost,
  'sticky-cookie/redis': nothingLost,
  'haproxy/round-robin/redis': nothingLost,
}, {
  provedBy: {
    'ip-hash/memory': PINNED('memory'),
    'consistent-hash/memory': PINNED('memory'),
    'ip-hash/redis': PINNED('redis'),
    'consistent-hash/redis': PINNED('redis'),
    'url-hash/redis': PINNED('redis'),
  },
});
