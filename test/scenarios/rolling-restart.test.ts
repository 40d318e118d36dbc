// Every replica, one at a time, marked down (`down`), stopped (SIGTERM), started
// and marked up, while clients keep reading their carts. Marked-down replicas get
// no new requests and the stop lets in-flight ones finish, so no read fails. Memory store: after the last restart no
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
  'sticky-cookie/memory': memory,
  'sticky-cookie/redis': redis,
  'haproxy/sticky-cookie/memory': memory,
}, {
  // The store decides what survives, whatever the strategy; that a `down`
  // replica's ip_hash clients are served elsewhere is nginx-ip-hash.test.ts's.
  provedBy: {
    'ip-hash/memory': 'sticky-cookie/memory (every restarted process takes its sessions) with nginx-ip-hash.test.ts (`down` moves only that replica\'s clients)',
    'ip-hash/redis': 'sticky-cookie/redis (the shared store keeps every cart) with nginx-ip-hash.test.ts (`down` moves only that replica\'s clients)',
  },
});
