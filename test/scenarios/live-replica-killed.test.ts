// Live sockets when their replica is killed (see live-transports.test.ts for the family).
import type { LiveKilledFacts } from '../../apps/lab/src/scenarios/live-replica-killed';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';
import { LIVE } from './live-support';

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
