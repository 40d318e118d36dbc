// Live cart updates over Socket.IO, through the balancer, on the process
// driver: the live registry is part of the main one (`LIVE_SCENARIOS`), so
// suite.ts gives them one jest test per parametrisation like every scenario.
// One file per scenario (live-*.test.ts): together they were the longest
// file of the topology project, which bounds it on two workers.
import { LIVE_SCENARIOS } from '../../apps/lab/src/scenarios/live/registry';
import type { TransportFacts } from '../../apps/lab/src/scenarios/live-transports';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';
import { LIVE } from './live-support';

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
  'sticky-cookie/memory': affinity,
}, {
  ...LIVE,
  // Polling needs nothing but affinity; that ip_hash gives each address one replica is nginx-ip-hash's proof.
  provedBy: { 'ip-hash/memory': 'sticky-cookie/memory (polling holds under any affinity) with nginx-ip-hash.test.ts (one replica per address)' },
});
