// The shared store fails, 30 clients each holding a cart in Redis.
// Paused (SIGSTOP: connections stay open, nothing answers): every request
// that needs the session gets a 503 within the service's Redis command bound
// (500 ms) — we allow 1.5 s for a loaded machine — nothing hangs until the
// client's 5 s timeout, and no cart is damaged: after resume every
// acknowledged item is there. Restarted without persistence: every cart is
// gone (100 %) — the shared store is the new single point of failure.
import type { OutageFacts } from '../../apps/lab/src/scenarios/redis-outage';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';

type R = ScenarioResult<OutageFacts>;

function outage(r: R): void {
  expect(r.facts.duringPause).toHaveLength(60);
  expect(r.facts.duringPause.map((x) => x.status)).toEqual(Array(60).fill(503));
  expect(r.facts.maxLatencyDuringPauseMs).toBeLessThan(1500);
  expect(r.facts.clientsWithCart).toBe(30);
  expect(r.facts.lostAfterResume).toEqual([]);
  expect(r.facts.lostAfterRestart).toHaveLength(30);
}

scenarioSuite<OutageFacts>('redis-outage', {
  'round-robin/redis': outage,
  'sticky-cookie/redis': outage,
});
