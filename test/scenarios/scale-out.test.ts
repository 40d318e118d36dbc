// 3 → 4 replicas with 30 clients from distinct /24s.
// ip_hash picks hash % total_weight: a key keeps its server only when
// h mod 3 and h mod 4 name the same index, i.e. for 3 residues of 12, so
// ~75 % of clients move (the /24 octet varies by one per client, so the
// residues cycle evenly: 22–23 of 30). We assert > 50 %.
// consistent hash (ketama, 160 points per server) moves the keys the new
// server's points capture: 1/4 on average. The points hash the servers'
// host:port, fixed by their names (127.88.S.N:3000), so the share is the
// same every run and the suite checks it equals the replay's prediction
// exactly (suite.ts); the band here only says it is a minority.
// sticky-cookie: every client holds a route cookie naming a live replica,
// so nobody moves; app4 only gets new clients.
// Memory store: a moved client lands where its session is not — the lost set
// is exactly the moved set. Redis: moved, but nothing lost.
import type { ScaleFacts } from '../../apps/lab/src/scenarios/scale-out';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';

type R = ScenarioResult<ScaleFacts>;
const movedPct = (r: R) => r.rows[0].clients_moved_pct;

const consistent = (r: R) => {
  expect(r.facts.movedClients.length).toBeGreaterThanOrEqual(1);
  expect(movedPct(r)).toBeLessThanOrEqual(50);
  expect(r.facts.lostClients).toEqual(r.facts.movedClients);
  // Consistent hashing only ever moves keys TO the new server: no collateral damage.
  expect(r.facts.spreadAfter).toContain(r.facts.added);
  expect(r.rows[0].moves).toEqual({ from_removed: 0, to_new: r.facts.movedClients.length, between_survivors: 0 });
};

scenarioSuite<ScaleFacts>('scale-out', {
  'ip-hash/memory': (r) => {
    expect(movedPct(r)).toBeGreaterThan(50);
    expect(r.facts.lostClients).toEqual(r.facts.movedClients);
    // mod 3 → mod 4 reshuffles the survivors too, beside the textbook 75 %.
    expect(r.rows[0].moves!.between_survivors).toBeGreaterThan(0);
    expect(r.rows[0].theory).toMatchObject({ metric: 'clients_moved_pct', value: 75 });
  },
  'consistent-hash/memory': consistent,
  'sticky-cookie/memory': (r) => {
    expect(r.facts.movedClients).toEqual([]);
    expect(r.facts.lostClients).toEqual([]);
  },
  'ip-hash/redis': (r) => {
    expect(movedPct(r)).toBeGreaterThan(50);
    expect(r.facts.lostClients).toEqual([]);
  },
  // HAProxy 2.6's map-based `balance source` takes the address modulo the
  // servers' total weight. The lab's users differ in the third octet only
  // (127.0.N.1): over 3 servers N cycles through the residues (10/10/10),
  // over 4 every address has the same residue, so the whole crowd lands on one
  // server (measured: app2 ×30, 20 of 30 moved and lost their cart). Real
  // users' last octets vary and spread (docs/balancers.md).
  'haproxy/ip-hash/memory': (r) => {
    expect(movedPct(r)).toBeGreaterThan(50);
    expect(r.facts.spreadAfter).toMatch(/^app\d ×30$/);
    expect(r.rows[0].load_skew).toBe(4);
    expect(r.facts.lostClients).toEqual(r.facts.movedClients);
  },
  // HAProxy's ring (16 points per server) moves a minority too, only to the new server.
  'haproxy/consistent-hash/memory': consistent,
});
