// Every replica stopped (SIGTERM) and started again, one at a time, while
// clients keep reading their carts. nginx retries refused connections on
// another replica, so no read fails. Memory store: after the last restart no
// process holds any session — every one of the 30 carts is lost (100 %)
// whatever the strategy. Redis store: none lost.
import type { RollingFacts } from '../../apps/lab/src/scenarios/rolling-restart';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';

type R = ScenarioResult<RollingFacts>;

function noFailedReads(r: R): void {
  expect(r.facts.requestsDuringRestart).toBeGreaterThan(30);
  expect(r.facts.failedDuringRestart).toEqual([]);
}

const memory = (r: R) => {
  noFailedReads(r);
  expect(r.facts.lostClients).toHaveLength(30);
};
const redis = (r: R) => {
  noFailedReads(r);
  expect(r.facts.lostClients).toEqual([]);
};

scenarioSuite<RollingFacts>('rolling-restart', {
  'ip-hash/memory': memory,
  'sticky-cookie/memory': memory,
  'ip-hash/redis': redis,
  'sticky-cookie/redis': redis,
});
