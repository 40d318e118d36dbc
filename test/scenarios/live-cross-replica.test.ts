// Live updates across replicas (see live-transports.test.ts for the family).
import type { CrossFacts } from '../../apps/lab/src/scenarios/live-cross-replica';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';
import { LIVE } from './live-support';

// The adapter, not the balancer, decides delivery: the same on both engines.
const crossReplica = (r: ScenarioResult<CrossFacts>) => {
  expect(r.facts.none.writes).toBeGreaterThan(0);
  expect(r.facts.none.delivered).toBe(0);
  expect(r.facts.redis.writes).toBeGreaterThan(0);
  expect(r.facts.redis.delivered).toBe(r.facts.redis.writes);
};

scenarioSuite<CrossFacts>('live-cross-replica', {
  'sticky-cookie/redis': crossReplica,
}, { ...LIVE, provedBy: { 'haproxy/sticky-cookie/redis': 'sticky-cookie/redis: the Redis adapter delivers, whichever balancer placed the sockets' } });
