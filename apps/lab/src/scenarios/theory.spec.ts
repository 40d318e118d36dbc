import { decomposeMoves } from './moves';
import { theoryFor } from './theory';

const N = 3;

describe('theoryFor', () => {
  it('scale-out 3 → 4: modulo moves N/(N+1) = 75 %, a consistent ring 1/(N+1) = 25 %, a cookie none', () => {
    expect(theoryFor({ scenario: 'scale-out', strategy: 'ip-hash' }, N)).toMatchObject({ metric: 'clients_moved_pct', value: 75 });
    expect(theoryFor({ scenario: 'scale-out', strategy: 'ip-hash', balancer: 'haproxy' }, N)).toMatchObject({ value: 75 });
    expect(theoryFor({ scenario: 'scale-out', strategy: 'consistent-hash' }, N)).toMatchObject({ value: 25 });
    expect(theoryFor({ scenario: 'scale-out', strategy: 'sticky-cookie' }, N)).toMatchObject({ value: 0 });
    expect(theoryFor({ scenario: 'scale-out', strategy: 'ip-hash' }, N)!.formula).toContain('N/(N+1) = 3/4');
  });

  it('a killed replica takes 1/N of clients', () => {
    expect(theoryFor({ scenario: 'replica-killed', strategy: 'consistent-hash' }, N)).toMatchObject({ metric: 'clients_moved_pct', value: 33.33 });
    expect(theoryFor({ scenario: 'replica-killed', strategy: 'sticky-cookie' }, N)).toMatchObject({ value: 33.33 });
  });

  it('a returning replica takes its 1/N back under a hash; a re-pinned cookie stays', () => {
    expect(theoryFor({ scenario: 'replica-returns', strategy: 'ip-hash' }, N)).toMatchObject({ value: 33.33 });
    expect(theoryFor({ scenario: 'replica-returns', strategy: 'sticky-cookie' }, N)).toMatchObject({ value: 0 });
  });

  it('maintenance: down keeps the slot (1/N); removing the line remaps a modulo hash (N−1)/N, a ring only 1/N', () => {
    expect(theoryFor({ scenario: 'maintenance', strategy: 'ip-hash', variant: 'down' }, N)).toMatchObject({ value: 33.33 });
    expect(theoryFor({ scenario: 'maintenance', strategy: 'ip-hash', variant: 'removed' }, N)).toMatchObject({ value: 66.67 });
    expect(theoryFor({ scenario: 'maintenance', strategy: 'consistent-hash', variant: 'removed' }, N)).toMatchObject({ value: 33.33 });
    // HAProxy's map-based hash leaves `down` already: no 1/N formula holds there.
    expect(theoryFor({ scenario: 'maintenance', strategy: 'ip-hash', balancer: 'haproxy', variant: 'down' }, N)).toBeUndefined();
  });

  it('NAT: one /24 under ip_hash gives skew N, one address under any address hash too, a cookie spreads', () => {
    expect(theoryFor({ scenario: 'nat', strategy: 'ip-hash', variant: 'one /24' }, N)).toMatchObject({ metric: 'load_skew', value: 3 });
    expect(theoryFor({ scenario: 'nat', strategy: 'consistent-hash', variant: 'one address' }, N)).toMatchObject({ value: 3 });
    expect(theoryFor({ scenario: 'nat', strategy: 'ip-hash', balancer: 'haproxy', variant: 'one /24' }, N)).toBeUndefined();
    expect(theoryFor({ scenario: 'nat', strategy: 'sticky-cookie', variant: 'one address' }, N)).toMatchObject({ value: 1 });
  });

  it('bounded load: the busiest server stays within c · mean (Mirrokni et al.)', () => {
    expect(theoryFor({ scenario: 'nat', strategy: 'bounded-load', balancer: 'haproxy', variant: 'one /24' }, N)).toMatchObject({ metric: 'load_skew', value: 1.25 });
  });

  it('has nothing to say about round robin or a scenario without a membership change', () => {
    expect(theoryFor({ scenario: 'scale-out', strategy: 'round-robin' }, N)).toBeUndefined();
    expect(theoryFor({ scenario: 'steady-state', strategy: 'ip-hash' }, N)).toBeUndefined();
  });
});

describe('decomposeMoves', () => {
  const m = (from: string, to: string) => ({ client: `${from}-${to}`, from, to });

  it('splits moves off a removed replica, onto a new one, and between survivors', () => {
    const moves = [m('app2', 'app1'), m('app2', 'app3'), m('app1', 'app4'), m('app3', 'app1')];
    expect(decomposeMoves(moves, { removed: ['app2'] })).toEqual({ from_removed: 2, to_new: 0, between_survivors: 2 });
    expect(decomposeMoves(moves, { added: ['app4'] })).toEqual({ from_removed: 0, to_new: 1, between_survivors: 3 });
  });

  it('counts nothing when nobody moved', () => {
    expect(decomposeMoves([], { added: ['app4'] })).toEqual({ from_removed: 0, to_new: 0, between_survivors: 0 });
  });
});
