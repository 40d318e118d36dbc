import type { LostCheck, StayCheck } from '../client/checkers';
import type { HistoryEntry } from '../client/history';
import { failedRequests, loadSkew, maxLatencyMs, pct, replicasServing, requestsPerReplica, staleReads } from './measures';
import { matrixRow } from './row';

let t = 0;
function op(client: string, o: Partial<HistoryEntry>): HistoryEntry {
  t += 10;
  return { client, op: 'getCart', method: 'GET', path: '/cart', outcome: 'ok', status: 200, startedAt: t, endedAt: t + 5, ...o };
}
const add = (client: string, sku: string, servedBy: string, outcome: HistoryEntry['outcome'] = 'ok') =>
  op(client, { op: 'addItem', method: 'POST', path: '/cart/items', body: { sku, qty: 1 }, servedBy, outcome, status: outcome === 'ok' ? 201 : 502 });
const read = (client: string, servedBy: string, items: [string, number][]) =>
  op(client, { servedBy, cart: { items: items.map(([sku, qty]) => ({ sku, qty })), item_count: items.length } });

describe('staleReads', () => {
  it('is unknown when no cart read succeeded, false when one was stale, true otherwise', () => {
    const failedRead = op('a', { outcome: 'fail', status: 503 });
    expect(staleReads([add('a', 'X', 'app1'), failedRead])).toMatchObject({ valid: 'unknown', reads: 0, reason: 'no cart read succeeded' });
    expect(staleReads([add('a', 'X', 'app1'), read('a', 'app2', [])]).valid).toBe(false);
    expect(staleReads([add('a', 'X', 'app1'), read('a', 'app1', [['X', 1]])]).valid).toBe(true);
  });
  it('counts reads that miss an acknowledged item, per client', () => {
    const h = [add('a', 'X', 'app1'), read('a', 'app2', []), read('a', 'app1', [['X', 1]]), add('b', 'Y', 'app3'), read('b', 'app3', [['Y', 1]])];
    expect(staleReads(h)).toMatchObject({ stale: 1, reads: 3, clients: ['a'] });
  });
  it('does not hold an add with an unknown outcome against a read', () => {
    const h = [add('a', 'X', 'app1', 'unknown'), read('a', 'app2', [])];
    expect(staleReads(h).stale).toBe(0);
  });
  it('expects the summed quantity of repeated adds', () => {
    const h = [add('a', 'X', 'app1'), add('a', 'X', 'app1'), read('a', 'app1', [['X', 1]])];
    expect(staleReads(h).stale).toBe(1);
  });
});

describe('load', () => {
  const h = [read('a', 'app1', []), read('b', 'app1', []), read('c', 'app1', []), op('d', { outcome: 'fail', status: 503, servedBy: 'app2' })];
  it('counts successful requests per replica, zero for idle ones', () => {
    expect([...requestsPerReplica(h, ['app1', 'app2', 'app3'])]).toEqual([
      ['app1', 3],
      ['app2', 0],
      ['app3', 0],
    ]);
  });
  it('skew is max over mean: everything on one of three is 3', () => {
    expect(loadSkew(h, ['app1', 'app2', 'app3'])).toBe(3);
    expect(loadSkew([read('a', 'app1', []), read('b', 'app2', [])], ['app1', 'app2'])).toBe(1);
    expect(loadSkew([], ['app1'])).toBe(0);
  });
  it('lists failures and the slowest request', () => {
    expect(failedRequests(h).map((e) => e.client)).toEqual(['d']);
    expect(maxLatencyMs(h)).toBe(5);
  });
  it('names the replicas that served a path', () => {
    expect(replicasServing([...h, add('x', 'X', 'app3')], 'POST', '/cart/items')).toEqual(['app3']);
  });
});

describe('matrixRow', () => {
  const lostCheck = (valid: LostCheck['valid'], losers: string[]): LostCheck => ({
    valid,
    reason: 'r',
    lost: losers.map((client) => ({ client, sku: 'X', expectedQty: 1, seenQty: 0 })),
    unread: [],
    judged: [],
  });
  it('turns counts into rounded percentages of clients and keeps the verdicts', () => {
    const history = [read('a', 'app1', []), read('b', 'app2', []), op('c', { outcome: 'unknown', method: 'POST' })];
    const losers = Array.from({ length: 10 }, (_, i) => `c${i}`);
    const row = matrixRow('replica-killed', { strategy: 'ip-hash', store: 'memory' }, { clients: 30, lost: lostCheck(false, losers), moved: 11, history, replicas: ['app1', 'app2'] });
    expect(row).toEqual({
      scenario: 'replica-killed',
      balancer: 'nginx',
      strategy: 'ip-hash',
      store: 'memory',
      clients: 30,
      carts_lost_pct: 33.33,
      clients_moved_pct: 36.67,
      failed_requests: 1,
      load_skew: 1,
      // A killed replica takes 1/N of the clients: the theory rides along.
      theory: { metric: 'clients_moved_pct', value: 33.33, formula: 'a replica that leaves takes its 1/N = 1/3 of clients' },
      checks: { carts: { valid: false, reason: 'r' } },
    });
    expect(pct(1, 0)).toBe(0);
  });
  it('says unknown, not 0 %, when a check saw no evidence', () => {
    const stayed: StayCheck = { valid: 'unknown', reason: 'nobody answered', moves: [], unplaced: ['a'] };
    const row = matrixRow('x', { strategy: 'ip-hash', store: 'redis' }, { clients: 30, lost: lostCheck('unknown', []), moved: stayed, history: [], replicas: ['app1'] });
    expect(row).toMatchObject({ carts_lost_pct: 'unknown', clients_moved_pct: 'unknown', checks: { placement: { valid: 'unknown', reason: 'nobody answered' } } });
  });
});
