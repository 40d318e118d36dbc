import type { MatrixRow } from '../scenarios/types';
import { median } from '../util/stats';
import { combineRuns } from './repeats';

function row(over: Partial<MatrixRow>): MatrixRow {
  return { scenario: 'replica-killed', strategy: 'consistent-hash', store: 'memory', clients: 30, carts_lost_pct: 40, clients_moved_pct: 40, failed_requests: 0, load_skew: 1.2, ...over };
}

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow('median of nothing');
  });
});

describe('combineRuns', () => {
  it('marks a single run as runs 1, with no spread', () => {
    const [r] = combineRuns([[row({})]]);
    expect(r.runs).toBe(1);
    expect(r.spread).toBeUndefined();
    expect(r.carts_lost_pct).toBe(40);
  });

  it('gives the median and the [min, max] of every ratio over the runs', () => {
    const runs = [[row({ carts_lost_pct: 23.33, clients_moved_pct: 23.33, load_skew: 1.2, failed_requests: 2 })], [row({ carts_lost_pct: 46.67, clients_moved_pct: 46.67, load_skew: 1.1 })], [row({ load_skew: 1.27 })]];
    const [r] = combineRuns(runs);
    expect(r).toMatchObject({ runs: 3, carts_lost_pct: 40, clients_moved_pct: 40, load_skew: 1.2, failed_requests: 0 });
    expect(r.spread).toEqual({ carts_lost_pct: [23.33, 46.67], clients_moved_pct: [23.33, 46.67], load_skew: [1.1, 1.27], failed_requests: [0, 2] });
  });

  it('says which run a note counted', () => {
    const [r] = combineRuns([[row({ note: '7 clients on app2' })], [row({ note: '14 clients on app2' })]]);
    expect(r.note).toBe('run 1 of 2: 7 clients on app2');
  });

  it('pairs the variants of each run by name', () => {
    const run = (down: number, removed: number) => [row({ variant: 'down', carts_lost_pct: down }), row({ variant: 'removed', carts_lost_pct: removed })];
    const rows = combineRuns([run(30, 60), run(40, 70), [...run(35, 65)].reverse()]);
    expect(rows.map((r) => [r.variant, r.carts_lost_pct, r.spread?.carts_lost_pct])).toEqual([
      ['down', 35, [30, 40]],
      ['removed', 65, [60, 70]],
    ]);
  });

  it('is unknown when one run saw no evidence, and keeps that run\'s reason', () => {
    const reason = '3 clients had no successful cart read after the last fault';
    const rows = combineRuns([[row({})], [row({ carts_lost_pct: 'unknown', checks: { carts: { valid: 'unknown', reason } } })], [row({ carts_lost_pct: 30 })]]);
    expect(rows[0].carts_lost_pct).toBe('unknown');
    expect(rows[0].checks?.carts?.reason).toBe(reason);
    expect(rows[0].spread?.carts_lost_pct).toEqual([30, 40]);
  });

  it('takes the median of the moves and the re-pin over the runs', () => {
    const moves = (n: number) => ({ from_removed: n, to_new: 0, between_survivors: n - 2 });
    const repin = (ms: number, fresh: boolean) => ({ first_answer_ms: ms, replicas_seen: 1, fresh_route_cookie: fresh });
    const [r] = combineRuns([[row({ moves: moves(10), repin: repin(5, true) })], [row({ moves: moves(12), repin: repin(9, true) })], [row({ moves: moves(8), repin: repin(7, false) })]]);
    expect(r.moves).toEqual({ from_removed: 10, to_new: 0, between_survivors: 8 });
    expect(r.repin).toEqual({ first_answer_ms: 7, replicas_seen: 1, fresh_route_cookie: false });
  });

  it('counts every acknowledged add a failover lost in any run, and the median and range of the time without a primary', () => {
    const f = (lost: number, ms: number | null) => [row({ scenario: 'redis-primary-killed', failover: { no_primary_ms: ms, acked_adds_lost: lost, acked_adds: 100 } })];
    const [one] = combineRuns([f(0, 3000), f(2, 5000), f(0, null)]);
    expect(one.failover).toEqual({ no_primary_ms: 4000, no_primary_ms_range: [3000, 5000], acked_adds_lost: 2, acked_adds: 300 });
  });
});
