// app2 out for maintenance, 30 clients from distinct /24s, two ways:
// 1. `server app2 … down`: the upstream keeps app2's slot, so only app2's
//    clients move (every strategy). Its process is alive: once `down` is
//    lifted, hash clients go back and find their old carts.
// 2. the `server` line removed (app2 stopped): ip_hash now takes h mod 2
//    instead of h mod 3 — a key keeps its server for 2 residues of 6, so ~67 %
//    move: app2's third plus half of the others. Ketama only loses app2's
//    points: exactly the clients on app2 move. sticky-cookie: app2's clients
//    were re-pinned during the `down` phase, nobody else is affected.
import type { MaintenanceFacts } from '../../apps/lab/src/scenarios/maintenance';
import type { ScenarioResult } from '../../apps/lab/src/scenarios/types';
import { scenarioSuite } from './suite';

type R = ScenarioResult<MaintenanceFacts>;

function downMovesOnlyApp2(r: R): void {
  expect(r.facts.down.onVictim.length).toBeGreaterThan(0);
  expect(r.facts.down.movedClients).toEqual(r.facts.down.onVictim);
  expect(r.rows[0].failed_requests).toBe(0);
  // Every move is off app2: no collateral damage between the survivors.
  expect(r.rows[0].moves).toEqual({ from_removed: r.facts.down.onVictim.length, to_new: 0, between_survivors: 0 });
}

scenarioSuite<MaintenanceFacts>('maintenance', {
  'ip-hash/memory': (r) => {
    downMovesOnlyApp2(r);
    expect(r.facts.cartsBackAfterMarkUp).toEqual(r.facts.down.onVictim);
    const { onVictim, movedClients } = r.facts.removed;
    expect(movedClients).toEqual(expect.arrayContaining(onVictim));
    expect(movedClients.length).toBeGreaterThan(onVictim.length);
    expect(r.facts.removed.lostClients).toEqual(movedClients);
    // h mod 3 → h mod 2 reshuffles app1's and app3's clients too.
    expect(r.rows[1].moves).toEqual({ from_removed: onVictim.length, to_new: 0, between_survivors: movedClients.length - onVictim.length });
  },
  'consistent-hash/memory': (r) => {
    downMovesOnlyApp2(r);
    expect(r.facts.cartsBackAfterMarkUp).toEqual(r.facts.down.onVictim);
    expect(r.facts.removed.movedClients).toEqual(r.facts.removed.onVictim);
  },
  'sticky-cookie/memory': (r) => {
    downMovesOnlyApp2(r);
    expect(r.facts.cartsBackAfterMarkUp).toEqual([]);
    expect(r.facts.removed.movedClients).toEqual(r.facts.removed.onVictim);
  },
  // HAProxy's map-based `balance source` has no slot to keep: a `disabled`
  // server leaves the map, which is rebuilt over the two others (h mod 2),
  // so `down` already moves app2's clients AND about half of the others
  // (measured 20 of 30), each losing its memory cart, like nginx only does
  // when the line is removed. Marked up, the map is the old one again: the
  // clients of app2 (whose process kept their carts) find them again.
  'haproxy/ip-hash/memory': (r) => {
    for (const phase of [r.facts.down, r.facts.removed]) {
      expect(phase.onVictim.length).toBeGreaterThan(0);
      expect(phase.movedClients).toEqual(expect.arrayContaining(phase.onVictim));
      expect(phase.movedClients.length).toBeGreaterThan(phase.onVictim.length);
      expect(phase.lostClients).toEqual(phase.movedClients);
    }
    expect(r.facts.cartsBackAfterMarkUp).toEqual(r.facts.down.onVictim);
    expect(r.rows[0].failed_requests).toBe(0);
  },
});
