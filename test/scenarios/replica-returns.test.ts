// app2 is killed, its ~10 clients rebuild a cart on app1/app3, app2 is
// started again. Hash strategies compute the same slot as before, so every
// displaced client flips back to the (empty) app2 and loses the rebuilt cart;
// the other ~20 never moved. sticky-cookie clients carry a route cookie
// naming the replica that served them while app2 was away: nobody moves,
// nothing is lost.
import type { ReturnsFacts } from '../../apps/lab/src/scenarios/replica-returns';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';

type R = ScenarioResult<ReturnsFacts>;

function flipFlop(r: R): void {
  expect(r.facts.displaced.length).toBeGreaterThan(0);
  expect(r.facts.movedBack).toEqual(r.facts.displaced);
  expect(r.facts.lostRebuilt).toEqual(r.facts.displaced);
}

scenarioSuite<ReturnsFacts>('replica-returns', {
  'ip-hash/memory': flipFlop,
  'sticky-cookie/memory': (r) => {
    expect(r.facts.displaced.length).toBeGreaterThan(0);
    expect(r.facts.movedBack).toEqual([]);
    expect(r.facts.lostRebuilt).toEqual([]);
  },
  'haproxy/consistent-hash/memory': flipFlop,
  'haproxy/sticky-cookie/memory': (r) => {
    expect(r.facts.displaced.length).toBeGreaterThan(0);
    expect(r.facts.movedBack).toEqual([]);
    expect(r.facts.lostRebuilt).toEqual([]);
  },
}, {
  provedBy: {
    'consistent-hash/memory':
      'ip-hash/memory (a hash computes the same slot once the replica is back) with placement-replay.test.ts (nginx\'s ring places every key as its replay says, with and without a dead replica)',
  },
});
