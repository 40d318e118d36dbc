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
  // HAProxy differs twice. (1) app2's clients' burst, sent as SIGTERM went
  // out, is answered 503 by HAProxy itself: app2 refuses the connections,
  // HAProxy retries (`retries 2`) and redispatches, but `balance source`
  // hashes the client to app2 again while its health check still says UP.
  // (2) Once app2 is DOWN, the map-based hash is rebuilt over two servers
  // (h mod 2, not mod 3): clients of app1/app3 move too and lose their carts.
  'haproxy/ip-hash/memory': (r) => {
    expect(r.facts.victimClients.length).toBeGreaterThan(0);
    expect(r.facts.burstServedBy).toHaveLength(r.facts.victimClients.length);
    expect(r.facts.burstServedBy.filter((s) => s.startsWith('failed')).every((s) => s === 'failed 503')).toBe(true);
    expect(r.facts.lostClients).toEqual(expect.arrayContaining(r.facts.victimClients));
    expect(r.facts.lostClients.length).toBeGreaterThan(r.facts.victimClients.length);
    expect(r.facts.lostClients).toEqual(r.facts.movedClients);
  },
});
