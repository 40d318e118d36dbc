// A Sentinel group (1 primary, 2 replicas, 3 Sentinels, down-after 1 s)
// under 30 shoppers adding an item every 200 ms each. Killed or paused, the
// primary is replaced by a replica: writes fail for a while (at least
// down-after, at most the failover bound), then succeed on the new primary,
// and every shopper's cart is read back and judged. How many acknowledged
// adds are lost is what the row reports, not what the test asserts: on
// loopback replication is usually ahead of the fault, and a run is chance.
import type { FailoverFacts } from '../../apps/lab/src/scenarios/redis-failover';
import { sentinelVariant } from '../../apps/lab/src/scenarios/redis-failover';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';

type R = ScenarioResult<FailoverFacts>;

function failedOver(r: R): void {
  const f = r.facts;
  expect(f.primaryAfter).toBeDefined();
  expect(f.primaryAfter).not.toBe(f.primaryBefore);
  expect(f.failedWrites).toBeGreaterThan(0);
  expect(f.noPrimaryMs).not.toBeNull();
  expect(f.noPrimaryMs!).toBeGreaterThanOrEqual(500);
  expect(f.noPrimaryMs!).toBeLessThan(30_000);
  expect(f.ackedAddsLost).toBeLessThanOrEqual(f.ackedAdds);
  expect(r.rows).toHaveLength(1);
  expect(r.rows[0].note).toContain(`no primary for ${f.noPrimaryMs} ms`);
}

const each = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, failedOver]));

// A thawed primary is demoted only when a Sentinel next reads its INFO (≈ 10 s):
// a paused run takes 30-45 s here when the machine is busy; under Compose a
// run builds and boots containers first (≈ 2.5 min).
const timeoutMs = process.env.LAB_DRIVER === 'compose' ? 360_000 : 180_000;

// Two cells prove the failover mechanics between them: a kill behind nginx
// with neither guard, a pause behind HAProxy with both (WAIT 1 and
// min-replicas-to-write 1), so each fault, each balancer and each guard runs
// once. The other variants run the same runner and assertions with other
// WAIT / min-replicas-to-write values, behind a balancer that never touches
// the store, and differ only in what they measure (acknowledged adds lost),
// which no test asserts: lab report measures them, three runs each.
const provedBy = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, 'the tested cell of this scenario (same runner and assertions; lab report measures its loss)']));
const key = (wait: number, min: number, balancer = '') => `${balancer}round-robin/redis/sentinel-wait${wait}-min${min}`;

scenarioSuite<FailoverFacts>('redis-primary-killed', each([key(0, 0)]), { timeoutMs, provedBy: provedBy(key(1, 0), key(1, 0, 'haproxy/')) });
scenarioSuite<FailoverFacts>('redis-primary-paused', each([key(1, 1, 'haproxy/')]), {
  timeoutMs,
  provedBy: provedBy(key(0, 0), key(0, 1), key(1, 0), key(1, 1)),
});

it('names each variant by its WAIT and min-replicas-to-write', () => {
  expect(sentinelVariant({ strategy: 'round-robin', store: 'redis', sentinel: { waitReplicas: 1, minReplicasToWrite: 1 } })).toBe('WAIT 1, min-replicas-to-write 1');
  expect(sentinelVariant({ strategy: 'round-robin', store: 'redis', sentinel: { waitReplicas: 0, minReplicasToWrite: 0 } })).toBe('WAIT 0');
});
