import type { MatrixRow } from '../scenarios/types';
import { balancerDifferences, beyond } from './differences';

function row(over: Partial<MatrixRow>): MatrixRow {
  return { scenario: 'replica-killed', strategy: 'ip-hash', store: 'memory', clients: 30, carts_lost_pct: 100 / 3, clients_moved_pct: 100 / 3, failed_requests: 0, load_skew: 1.2, ...over };
}
const haproxy = (over: Partial<MatrixRow>) => row({ balancer: 'haproxy', ...over });
/** A cell measured three times, with its range. */
const ring = (lost: [number, number, number], over: Partial<MatrixRow> = {}): MatrixRow =>
  row({
    strategy: 'consistent-hash',
    carts_lost_pct: lost[1],
    clients_moved_pct: lost[1],
    runs: 3,
    spread: { carts_lost_pct: [lost[0], lost[2]], clients_moved_pct: [lost[0], lost[2]], load_skew: [1.2, 1.2], failed_requests: [0, 0] },
    ...over,
  });

describe('beyond', () => {
  it('is true only when the ranges are more than the gap apart', () => {
    expect(beyond([10, 20], [21, 30])).toBe(true);
    expect(beyond([10, 20], [20, 30])).toBe(false);
    expect(beyond([21, 30], [10, 20])).toBe(true);
    expect(beyond([1.2, 1.2], [1.28, 1.3], 0.1)).toBe(false);
    expect(beyond([1.2, 1.2], [1.31, 1.4], 0.1)).toBe(true);
  });
});

describe('balancerDifferences', () => {
  it('says nothing when both balancers measured the same numbers', () => {
    expect(balancerDifferences([row({}), haproxy({ carts_lost_pct: 100 / 3, load_skew: 1.25 })])).toEqual([]);
  });

  it('says nothing about a cell measured behind one balancer only', () => {
    expect(balancerDifferences([row({}), haproxy({ strategy: 'consistent-hash', carts_lost_pct: 0 })])).toEqual([]);
  });

  it('writes one sentence per differing number of deterministic cells, nginx first', () => {
    const ds = balancerDifferences([row({}), haproxy({ carts_lost_pct: 0, clients_moved_pct: 10, failed_requests: 4, load_skew: 2 })]);
    expect(ds.map((d) => d.sentence)).toEqual([
      'Replica killed, ip-hash / memory: carts lost 33 % behind nginx, 0 % behind HAProxy.',
      'Replica killed, ip-hash / memory: clients moved 33 % behind nginx, 10 % behind HAProxy.',
      'Replica killed, ip-hash / memory: failed requests 0 behind nginx, 4 behind HAProxy.',
      'Replica killed, ip-hash / memory: load skew 1.20 behind nginx, 2.00 behind HAProxy.',
    ]);
    expect(ds[0]).toMatchObject({ scenario: 'replica-killed', cell: 'ip-hash / memory', metric: 'carts lost', nginx: 100 / 3, haproxy: 0 });
  });

  it('gives no sentence when the ranges over repeated runs overlap, however far apart the medians', () => {
    const nginx = ring([23.3, 40, 46.7]);
    const other = ring([10, 23.3, 26.7], { balancer: 'haproxy' });
    expect(balancerDifferences([nginx, other])).toEqual([]);
  });

  it('states a difference once the ranges no longer overlap, with each range', () => {
    const ds = balancerDifferences([ring([30, 33.3, 40]), ring([0, 3.3, 6.7], { balancer: 'haproxy' })]);
    expect(ds.map((d) => d.sentence)).toEqual([
      'Replica killed, consistent-hash / memory: carts lost 33 % (30–40 % over 3 runs) behind nginx, 3 % (0–7 % over 3 runs) behind HAProxy.',
      'Replica killed, consistent-hash / memory: clients moved 33 % (30–40 % over 3 runs) behind nginx, 3 % (0–7 % over 3 runs) behind HAProxy.',
    ]);
  });

  it('claims nothing from a lone sample of a random cell', () => {
    // Round robin follows the order the clients arrive in: one run is one roll of the dice.
    const lone = row({ strategy: 'round-robin', store: 'redis', clients_moved_pct: 56.7, runs: 1 });
    expect(balancerDifferences([lone, haproxy({ strategy: 'round-robin', store: 'redis', clients_moved_pct: 20 })])).toEqual([]);
  });

  it('treats a row without a balancer as nginx (reports written before the column)', () => {
    const ds = balancerDifferences([row({ balancer: undefined, failed_requests: 2 }), haproxy({})]);
    expect(ds.map((d) => d.metric)).toEqual(['failed requests']);
  });

  it('pairs rows by variant, and a skew within the tolerance is no difference', () => {
    const rows = [
      row({ scenario: 'nat', variant: 'one /24', load_skew: 3 }),
      haproxy({ scenario: 'nat', variant: 'one /24', load_skew: 1.05 }),
      row({ scenario: 'nat', variant: 'one address', load_skew: 3 }),
      haproxy({ scenario: 'nat', variant: 'one address', load_skew: 2.95 }),
    ];
    expect(balancerDifferences(rows).map((d) => d.sentence)).toEqual(['Clients behind NAT, ip-hash / memory (one /24): load skew 3.00 behind nginx, 1.05 behind HAProxy.']);
  });

  it('says when one side is unknown, and why, instead of comparing a number with nothing', () => {
    const reason = '30 clients had no successful cart read after the last fault';
    const ds = balancerDifferences([row({}), haproxy({ carts_lost_pct: 'unknown', checks: { carts: { valid: 'unknown', reason } } })]);
    expect(ds.map((d) => d.sentence)).toEqual([`Replica killed, ip-hash / memory: carts lost 33 % behind nginx, unknown behind HAProxy (no evidence: ${reason}).`]);
    expect(ds[0].haproxy).toBe('unknown');
  });

  it('says nothing when both sides are unknown: there is nothing to compare', () => {
    expect(balancerDifferences([row({ clients_moved_pct: 'unknown' }), haproxy({ clients_moved_pct: 'unknown' })])).toEqual([]);
  });

  it('names the algorithmic reason when the predicted placements differ', () => {
    const predicted = (load_skew: number) => ({ placement_agreement_pct: 100, clients_moved_pct: 0, load_skew });
    const rows = [
      row({ scenario: 'nat', variant: 'one /24', load_skew: 3, predicted: predicted(3) }),
      haproxy({ scenario: 'nat', variant: 'one /24', load_skew: 3, predicted: predicted(1.2) }),
    ];
    const ds = balancerDifferences(rows);
    expect(ds.map((d) => d.metric)).toEqual(['predicted placement']);
    expect(ds[0].sentence).toBe(
      'Clients behind NAT, ip-hash / memory (one /24): predicted placements differ (load skew 3.00 vs 1.20): nginx ip_hash hashes the first three octets of the address, then takes it modulo the total weight; HAProxy balance source hashes the whole address, modulo the total weight (map-based).',
    );
  });
});
