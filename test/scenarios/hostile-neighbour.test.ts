// One address attacks the balancer for 8 s with everything one client can do
// alone: 600 connections that send half a header and wait, 100 that send a
// header and one byte of a 4 KB body, 500 Socket.IO WebSockets on one
// session cookie, and 2 000 GETs 128 at a time. 20 shoppers from other /24s
// keep shopping. Expected, behind both balancers: ≥ 99 % of the shoppers'
// requests succeed, their p99 stays within 3× the same shoppers' quiet p99,
// the attacker is refused (per-address connection and request limits, the
// replica's per-session socket cap), and no shopper loses a cart.
import { ATTACK, GOALS, type HostileNeighbourFacts } from '../../apps/lab/src/scenarios/hostile-neighbour';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';

type R = ScenarioResult<HostileNeighbourFacts>;

function holds(r: R): void {
  const f = r.facts;
  expect(f.shopperRequests).toBeGreaterThan(f.shoppers);
  // Below the goal, the failed requests themselves are the message.
  expect(f.shopperOkPct >= GOALS.shopperOkPct ? [] : f.shopperFailures.slice(0, 10)).toEqual([]);
  expect(f.p99Ratio).not.toBeNull();
  expect(f.p99Ratio!).toBeLessThanOrEqual(GOALS.p99Ratio);
  expect(f.attackerRefused).toBeGreaterThan(0);
  // The sockets one session may hold are capped well below what it asked for.
  expect(f.socketsConnected).toBeLessThan(ATTACK.sockets / 4);
  // The flood stops at the hold even when the balancer answers slowly.
  expect(f.floodSent).toBeGreaterThan(0);
  expect(f.floodSent).toBeLessThanOrEqual(ATTACK.floodRequests);
  // Half headers and half bodies are let go by the balancer's 5 s timeouts, within the 12 s hold:
  // closed, or (a half body behind HAProxy ≥ 3.0, the Compose image) answered 408 and drained.
  // (The whole tallies, so a failure shows what the attacker's connections did.)
  expect({ idle: f.idle, bodies: f.bodies }).toMatchObject({ idle: { closedByServer: ATTACK.idleHeaders }, bodies: { letGo: ATTACK.halfBodies } });
  expect(r.rows[0].carts_lost_pct).toBe(0);
}

scenarioSuite<HostileNeighbourFacts>(
  'hostile-neighbour',
  {
    'sticky-cookie/memory': holds,
    'haproxy/sticky-cookie/memory': holds,
  },
  { timeoutMs: 180_000 },
);
