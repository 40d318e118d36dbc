// One address floods nginx with 2 000 `GET /health/live`, 128 in flight, while
// 20 shoppers on their own /24s fill and read their carts. nginx's
// per-address limit (100 r/s, burst 400, nodelay) refuses the flood with 429
// once the burst is spent: it serves at most burst + rate × duration (+1),
// so a flood over in 5 s gets at most 901 through and at least 1 099 429s.
// The shoppers are not limited by the flood: no 429, no failed request, no
// cart lost.
import type { FloodFacts } from '../../apps/lab/src/scenarios/flood';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';

type R = ScenarioResult<FloodFacts>;

function limited(r: R): void {
  expect(r.facts.floodSent).toBe(2_000);
  expect(r.facts.flood429).toBeGreaterThan(0);
  expect(r.facts.floodServed).toBeLessThanOrEqual(r.facts.floodServedBound);
  // every flood request got an answer: served or refused, nothing else
  expect(r.facts.floodServed + r.facts.flood429).toBe(r.facts.floodSent);
  expect(r.facts.shopper429).toEqual([]);
  expect(r.facts.shopperFailures).toEqual([]);
  expect(r.rows[0].carts_lost_pct).toBe(0);
}

scenarioSuite<FloodFacts>('flood', {
  'ip-hash/memory': limited,
  // HAProxy's per-address limit (a stick table on src tracking http_req_rate) answers the same 429s.
  'haproxy/ip-hash/memory': limited,
});
