// SIGTERM app2 while all 30 clients loop on `GET /cart` and app2's own
// clients have a burst of reads in flight. A graceful stop lets accepted
// requests finish; new connections are refused, which nginx retries on
// another replica: no request fails. The carts app2 held
// in memory die with the process anyway (about a third of the clients).
import type { StoppedFacts } from '../../apps/lab/src/scenarios/replica-stopped';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';

type R = ScenarioResult<StoppedFacts>;

function graceful(r: R): void {
  expect(r.facts.requestsDuringStop).toBeGreaterThan(30);
  // The burst app2's clients sent as SIGTERM went out: every request answered,
  // by app2 finishing it or by another replica nginx retried on.
  expect(r.facts.burstServedBy).toHaveLength(r.facts.victimClients.length);
  expect(r.facts.burstServedBy.filter((s) => s.startsWith('failed'))).toEqual([]);
  expect(r.facts.failedDuringStop).toEqual([]);
  expect(r.facts.victimClients.length).toBeGreaterThan(0);
  expect(r.facts.movedClients).toEqual(r.facts.victimClients);
}

scenarioSuite<StoppedFacts>('replica-stopped', {
  'ip-hash/memory': (r) => {
    graceful(r);
    expect(r.facts.lostClients).toEqual(r.facts.victimClients);
  },
  'sticky-cookie/memory': (r) => {
    graceful(r);
    expect(r.facts.lostClients).toEqual(r.facts.victimClients);
  },
  'ip-hash/redis': (r) => {
    graceful(r);
    expect(r.facts.lostClients).toEqual([]);
  },
});
