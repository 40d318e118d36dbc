// Steady state, 30 clients from distinct /24s, 3 replicas. Each client:
// add, read ×3, add, read ×2 = 7 requests, 5 of them cart reads.
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import type { SteadyFacts } from '../../apps/lab/src/scenarios/steady-state';
import { scenarioSuite } from './suite';

type R = ScenarioResult<SteadyFacts>;

/** Affinity holds: every client on one replica, every read shows every acknowledged item. */
function sticky(r: R): void {
  expect(r.facts.multiReplicaClients).toEqual([]);
  expect(r.facts.staleReads).toBe(0);
  expect(r.facts.lostClients).toEqual([]);
  expect(r.rows[0].failed_requests).toBe(0);
}

scenarioSuite<SteadyFacts>('steady-state', {
  // Round robin sends consecutive requests of one client to different
  // replicas: with 7 requests over 3 replicas, a client staying on one has
  // probability ~(1/3)^6 — so essentially every client moves. A read lands
  // where the cart is not about 2/3 of the time; we assert a conservative
  // third (the concurrent crowd makes the order not strictly cyclic).
  'round-robin/memory': (r) => {
    expect(r.facts.multiReplicaClients.length).toBeGreaterThanOrEqual(27);
    expect(r.facts.staleReads / r.facts.cartReads).toBeGreaterThan(1 / 3);
    expect(r.rows[0].load_skew).toBeLessThan(1.3);
  },
  'sticky-cookie/memory': sticky,
  // url-hash keys on the URI: every `GET /cart` of every user lands on ONE
  // replica, every `POST /cart/items` on one replica too. The cart survives
  // only if both URIs hash to the same replica (probability ~1/3 with random
  // ports): all reads are stale or none is — all-or-nothing, not per user.
  'url-hash/memory': (r) => {
    expect(r.facts.cartReaders).toHaveLength(1);
    expect(r.facts.cartWriters).toHaveLength(1);
    const same = r.facts.cartReaders[0] === r.facts.cartWriters[0];
    expect(r.facts.staleReads).toBe(same ? 0 : r.facts.cartReads);
  },
  // The shared store needs no affinity: clients hop between replicas yet
  // never see a stale cart.
  'round-robin/redis': (r) => {
    expect(r.facts.multiReplicaClients.length).toBeGreaterThanOrEqual(27);
    expect(r.facts.staleReads).toBe(0);
    expect(r.facts.lostClients).toEqual([]);
    expect(r.rows[0].failed_requests).toBe(0);
  },
}, {
  // An affinity that holds keeps every cart (sticky-cookie/memory above); that
  // each of these strategies holds its clients is proved against the real
  // balancer where the strategy is, with the replay of its config.
  provedBy: {
    'ip-hash/memory': 'sticky-cookie/memory with nginx-ip-hash.test.ts and placement-replay.test.ts (ip_hash pins each /24)',
    'consistent-hash/memory': 'sticky-cookie/memory with nginx-consistent-hash.test.ts and placement-replay.test.ts (the ring pins each address)',
    'haproxy/sticky-cookie/memory': 'sticky-cookie/memory with haproxy-sticky-cookie.test.ts (HAProxy\'s cookie pins each client)',
  },
});
