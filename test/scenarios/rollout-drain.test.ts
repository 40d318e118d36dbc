// A drain-aware rollout under a steady stream of short visits (sticky-cookie:
// the route cookie binds a visit to its replica). Whatever the wait, a visit
// that starts while a replica drains is never served by it. Memory store:
// without a wait the restarts cut off the visits in flight on each replica;
// a wait longer than a visit plus the idle time (1.5 s + 0.5 s < 3 s) lets
// them all finish, at the price of drain time (restarts dominate the total
// on a loaded machine, so the total is reported, not compared). Redis: nothing lost.
import type { RolloutDrainFacts, WaitFacts } from '../../apps/lab/src/scenarios/rollout-drain';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';

type R = ScenarioResult<RolloutDrainFacts>;
const at = (r: R, s: number): WaitFacts => r.facts.waits.find((w) => w.drainWaitS === s)!;

function drainHeld(r: R): void {
  for (const w of r.facts.waits) {
    expect([w.drainWaitS, w.newOnDraining]).toEqual([w.drainWaitS, []]);
    expect(w.steps.map((s) => s.replica)).toEqual(['app1', 'app2', 'app3']);
    expect(w.visits).toBeGreaterThan(20);
  }
}

// Memory store: no wait loses carts, a 3 s wait (longer than a visit) none.
const memory = (r: R) => {
  drainHeld(r);
  expect(at(r, 0).lostClients.length).toBeGreaterThan(0);
  expect(at(r, 3).lostClients).toEqual([]);
  expect(at(r, 3).steps.every((s) => s.ended === 'idle')).toBe(true);
  expect(at(r, 0).drainMs).toBe(0);
  expect(at(r, 3).drainMs).toBeGreaterThan(0);
};

scenarioSuite<RolloutDrainFacts>('rollout-drain', {
  // HAProxy drains natively (`drain`: weight 0, cookie-bound clients stay): the same promise as nginx's portable form.
  'haproxy/sticky-cookie/memory': memory,
  'sticky-cookie/memory': memory,
  'sticky-cookie/redis': (r: R) => {
    drainHeld(r);
    expect(at(r, 0).lostClients).toEqual([]);
  },
});
