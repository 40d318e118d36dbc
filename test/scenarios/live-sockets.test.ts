// Live cart updates over Socket.IO, through nginx, on the process driver.
// The live registry is part of the main one (`LIVE_SCENARIOS`), so suite.ts
// gives them one jest test per parametrisation like every scenario.
import { LIVE_SCENARIOS } from '../../apps/lab/src/scenarios/live/registry';
import type { CrossFacts } from '../../apps/lab/src/scenarios/live-cross-replica';
import type { LiveKilledFacts } from '../../apps/lab/src/scenarios/live-replica-killed';
import type { TransportFacts } from '../../apps/lab/src/scenarios/live-transports';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';


/** Probes reach each replica on its own port: the process driver's topology. */
const LIVE = { processOnly: 'the live scenarios reach replicas on their own loopback ports', timeoutMs: 150_000 };

it('the live registry names three scenarios', () => {
  expect(LIVE_SCENARIOS.map((s) => s.id)).toEqual(['live-transports', 'live-replica-killed', 'live-cross-replica']);
});

// Polling needs every request on the replica that holds the engine session.
const affinity = (r: ScenarioResult<TransportFacts>) => {
  expect(r.facts.polling.broken).toBe(0);
  expect(r.facts.websocket.broken).toBe(0);
  expect(r.facts.polling.elsewhere + r.facts.websocket.elsewhere).toBe(0);
};

scenarioSuite<TransportFacts>('live-transports', {
  'haproxy/round-robin/redis': (r) => {
    // HAProxy's round robin breaks the polling handshake as nginx's does; the WebSocket upgrade passes.
    expect(r.facts.polling.broken).toBeGreaterThanOrEqual(r.facts.polling.clients / 2);
    expect(r.facts.websocket.broken).toBe(0);
  },
  'haproxy/sticky-cookie/memory': affinity,
  'round-robin/redis': (r) => {
    // Three replicas: a handshake survives its next request one time in three, so nearly all break.
    expect(r.facts.polling.broken).toBeGreaterThanOrEqual(r.facts.polling.clients / 2);
    expect(Object.keys(r.facts.polling.reasons).some((why) => /xhr (poll|post) error|transport error/.test(why))).toBe(true);
    // One TCP connection: the WebSocket needs no affinity.
    expect(r.facts.websocket.broken).toBe(0);
  },
  'ip-hash/memory': affinity,
  'sticky-cookie/memory': affinity,
}, LIVE);

const reconnects = (r: ScenarioResult<LiveKilledFacts>) => {
  const f = r.facts;
  expect(f.held).toBeGreaterThan(0);
  expect(f.dropped).toBe(f.held);
  expect(f.collateral).toBe(0);
  expect(f.reconnected).toBe(f.held);
  expect(Object.keys(f.landed)).not.toContain(f.victim);
  expect(f.reconnectMs.max!).toBeLessThan(10_000);
  expect(f.deliveredAfter).toBe(f.reconnected);
};

scenarioSuite<LiveKilledFacts>('live-replica-killed', {
  'ip-hash/redis': reconnects,
  // HAProxy's cookie names the dead server: `option redispatch` sends the reconnect elsewhere and re-pins it.
  'haproxy/sticky-cookie/redis': reconnects,
  'sticky-cookie/redis': reconnects,
  // The session died with the replica: the reconnect is refused, not let in anonymously.
  'sticky-cookie/memory': (r) => {
    expect(r.facts.held).toBeGreaterThan(0);
    expect(r.facts.dropped).toBe(r.facts.held);
    expect(r.facts.collateral).toBe(0);
    expect(r.facts.refused).toBe(r.facts.held);
    expect(r.facts.reconnected).toBe(0);
  },
}, LIVE);

// The adapter, not the balancer, decides delivery: the same on both engines.
const crossReplica = (r: ScenarioResult<CrossFacts>) => {
  expect(r.facts.none.writes).toBeGreaterThan(0);
  expect(r.facts.none.delivered).toBe(0);
  expect(r.facts.redis.writes).toBeGreaterThan(0);
  expect(r.facts.redis.delivered).toBe(r.facts.redis.writes);
};

scenarioSuite<CrossFacts>('live-cross-replica', {
  'sticky-cookie/redis': crossReplica,
  'haproxy/sticky-cookie/redis': crossReplica,
}, LIVE);
