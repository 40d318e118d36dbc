import type { HistoryEntry } from '../client/history';
import { failedRequests, loadSkew, maxLatencyMs, pct, replicasServing, requestsPerReplica, staleReads } from './checkers';
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
  it('counts reads that miss an acknowledged item, per client', () => {
    const h = [add('a', 'X', 'app1'), read('a', 'app2', []), read('a', 'app1', [['X', 1]]), add('b', 'Y', 'app3'), read('b', 'app3', [['Y', 1]])];
    expect(staleReads(h)).toEqual({ stale: 1, reads: 3, clients: ['a'] });
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
  it('turns counts into rounded percentages of clients', () => {
    const history = [read('a', 'app1', []), read('b', 'app2', []), op('c', { outcome: 'unknown', method: 'POST' })];
    const row = matrixRow('replica-killed', { strategy: 'ip-hash', store: 'memory' }, { clients: 30, lost: 10, moved: 11, history, replicas: ['app1', 'app2'] });
    expect(row).toEqual({
      scenario: 'replica-killed',
      strategy: 'ip-hash',
      store: 'memory',
      clients: 30,
      carts_lost_pct: 33.33,
      clients_moved_pct: 36.67,
      failed_requests: 1,
      load_skew: 1,
    });
    expect(pct(1, 0)).toBe(0);
  });
});
