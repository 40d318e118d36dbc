import type { MatrixRow } from '../scenarios/types';
import { balancerDifferences } from './differences';

function row(over: Partial<MatrixRow>): MatrixRow {
  return { scenario: 'replica-killed', strategy: 'ip-hash', store: 'memory', clients: 30, carts_lost_pct: 100 / 3, clients_moved_pct: 100 / 3, failed_requests: 0, load_skew: 1.2, ...over };
}
const haproxy = (over: Partial<MatrixRow>) => row({ balancer: 'haproxy', ...over });

describe('balancerDifferences', () => {
  it('says nothing when both balancers measured the same numbers', () => {
    expect(balancerDifferences([row({}), haproxy({ carts_lost_pct: 33.4, load_skew: 1.25 })])).toEqual([]);
  });

  it('says nothing about a cell measured behind one balancer only', () => {
    expect(balancerDifferences([row({}), haproxy({ strategy: 'consistent-hash', carts_lost_pct: 0 })])).toEqual([]);
  });

  it('writes one sentence per differing number, nginx first', () => {
    const ds = balancerDifferences([row({}), haproxy({ carts_lost_pct: 0, clients_moved_pct: 10, failed_requests: 4, load_skew: 2 })]);
    expect(ds.map((d) => d.sentence)).toEqual([
      'Replica killed, ip-hash / memory: carts lost 33 % behind nginx, 0 % behind HAProxy.',
      'Replica killed, ip-hash / memory: clients moved 33 % behind nginx, 10 % behind HAProxy.',
      'Replica killed, ip-hash / memory: failed requests 0 behind nginx, 4 behind HAProxy.',
      'Replica killed, ip-hash / memory: load skew 1.20 behind nginx, 2.00 behind HAProxy.',
    ]);
    expect(ds[0]).toMatchObject({ scenario: 'replica-killed', cell: 'ip-hash / memory', metric: 'carts lost', nginx: 100 / 3, haproxy: 0 });
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
});
