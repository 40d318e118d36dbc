// 30 clients behind a NAT, two ways: 30 addresses in one /24
// (127.0.200.1–30) and 30 connections from one single address.
// ip_hash keys on the first three octets: both variants put everyone on
// one replica — load skew = 30 / (30/3) = 3.00 exactly.
// consistent-hash keys on the full $remote_addr: one /24 still spreads, one
// address collapses (skew 3.00).
// sticky-cookie: the first request of each client is balanced round-robin,
// then pinned: spread (skew near 1, well below 3) and every client sticks.
// round-robin spreads evenly but nobody sticks.
import type { NatFacts, NatVariantFacts } from '../../apps/lab/src/scenarios/nat';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';

type R = ScenarioResult<NatFacts>;

function collapsed(v: NatVariantFacts): void {
  expect(v.replicasUsed).toHaveLength(1);
  expect(v.loadSkew).toBeCloseTo(3, 5);
  expect(v.unstickyClients).toEqual([]);
  expect(v.lostClients).toEqual([]);
}

function spreadAndSticky(v: NatVariantFacts): void {
  expect(v.replicasUsed).toHaveLength(3);
  expect(v.loadSkew).toBeLessThan(2);
  expect(v.unstickyClients).toEqual([]);
  expect(v.lostClients).toEqual([]);
}

scenarioSuite<NatFacts>('nat', {
  'round-robin/memory': (r: R) => {
    for (const v of [r.facts.oneSubnet, r.facts.oneAddress]) {
      expect(v.replicasUsed).toHaveLength(3);
      expect(v.loadSkew).toBeLessThan(1.3);
      // 4 requests each in shuffled order: staying on one replica has
      // probability (1/3)^3 ≈ 4 %, so about one client of 30 does.
      expect(v.unstickyClients.length).toBeGreaterThan(20);
    }
  },
  'ip-hash/memory': (r: R) => {
    collapsed(r.facts.oneSubnet);
    collapsed(r.facts.oneAddress);
  },
  'consistent-hash/memory': (r: R) => {
    expect(r.facts.oneSubnet.replicasUsed.length).toBeGreaterThan(1);
    expect(r.facts.oneSubnet.unstickyClients).toEqual([]);
    collapsed(r.facts.oneAddress);
  },
  'sticky-cookie/memory': (r: R) => {
    spreadAndSticky(r.facts.oneSubnet);
    spreadAndSticky(r.facts.oneAddress);
  },
  'haproxy/ip-hash/memory': (r: R) => {
    expect(r.facts.oneSubnet.replicasUsed.length).toBeGreaterThan(1);
    expect(r.facts.oneSubnet.unstickyClients).toEqual([]);
    collapsed(r.facts.oneAddress);
  },
});
