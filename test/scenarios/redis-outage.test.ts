// The shared store fails, 30 clients each holding a cart in Redis.
// Paused (SIGSTOP: connections stay open, nothing answers): every request
// that needs the session gets a 503 within the service's Redis command bound
// (500 ms) — we allow 1.5 s for a loaded machine — nothing hangs until the
// client's 5 s timeout, and no cart is damaged: after resume every
// acknowledged item is there. Restarted without persistence: every cart is
// gone (100 %) — the shared store is the new single point of failure — and
// each of those 30 clients is told so: its first answer after the restart
// carries `X-Session-Status: expired-or-lost`. Restarted with AOF
// (appendfsync always): no cart is lost (0 %) and nobody is told a session
// vanished.
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
  expect(r.facts.toldLostAfterRestart).toEqual(r.facts.lostAfterRestart);
  expect(restartRow(r).carts_lost_pct).toBe(100);
}

function durable(r: R): void {
  expect(r.facts.clientsWithCart).toBe(30);
  expect(r.facts.lostAfterRestart).toEqual([]);
  expect(r.facts.toldLostAfterRestart).toEqual([]);
  expect(r.rows.map((x) => x.variant)).toEqual(['restarted, AOF']);
  expect(restartRow(r).carts_lost_pct).toBe(0);
}

const restartRow = (r: R) => r.rows.find((x) => x.variant?.startsWith('restarted'))!;

scenarioSuite<OutageFacts>('redis-outage', {
  'round-robin/redis': outage,
  'sticky-cookie/redis': outage,
  'round-robin/redis/aof': durable,
  'haproxy/round-robin/redis': outage,
});
