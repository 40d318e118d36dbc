// The failover numbers replayed on hand-written histories: no topology.
import { History, HistoryEntry, FaultEntry } from '../client/history';
import { longestGapAfter, measure } from './redis-failover';

const add = (client: string, sku: string, startedAt: number, outcome: HistoryEntry['outcome'] = 'ok'): HistoryEntry => ({
  client, op: 'addItem', method: 'POST', path: '/cart/items', body: { sku, qty: 1 }, outcome, status: outcome === 'ok' ? 201 : 503, startedAt, endedAt: startedAt + 10,
});
const read = (client: string, at: number, items: Array<[string, number]>): HistoryEntry => ({
  client, op: 'getCart', method: 'GET', path: '/cart', outcome: 'ok', status: 200, startedAt: at, endedAt: at + 5,
  cart: { items: items.map(([sku, qty]) => ({ sku, qty })), item_count: items.reduce((n, [, q]) => n + q, 0) },
});
const kill: FaultEntry = { type: 'fault', fault: 'redis-kill', target: 'redis', outcome: 'ok', startedAt: 1_000, endedAt: 1_010 };

describe('longestGapAfter', () => {
  it('measures the stretch the fault opened, even when it starts just before the fault', () => {
    // acks every 10 ms, then nothing from 990 to 3000: the gap ends after the fault at 1000.
    expect(longestGapAfter([970, 980, 990, 3_000, 3_010], 1_000)).toBe(2_010);
  });

  it('ignores gaps that ended before the fault, and is null without an ack after it', () => {
    expect(longestGapAfter([0, 900, 1_100, 1_110], 1_000)).toBe(200);
    expect(longestGapAfter([0, 900], 1_000)).toBeNull();
  });
});

describe('measure', () => {
  it('counts acknowledged adds the final cart misses, and writes that failed', () => {
    const h = new History();
    [add('c01', 'a', 900), add('c01', 'a', 950), kill, add('c01', 'b', 1_100, 'fail'), add('c01', 'b', 2_500), read('c01', 3_000, [['a', 1], ['b', 1]])].forEach((e) => h.record(e));
    [add('c02', 'a', 960), add('c02', 'a', 2_600), read('c02', 3_000, [['a', 2]])].forEach((e) => h.record(e));
    const f = measure(h, kill, 'p1', 'p2');
    // c01 was acknowledged a ×2 and b ×1 but reads a ×1: one add lost; c02 kept both.
    expect(f).toMatchObject({ ackedAddsLost: 1, clientsLost: ['c01'], ackedAdds: 5, failedWrites: 1, primaryBefore: 'p1', primaryAfter: 'p2' });
    // last ack before the gap ends at 970 (c02's add), the next at 2510.
    expect(f.noPrimaryMs).toBe(1_540);
  });
});
