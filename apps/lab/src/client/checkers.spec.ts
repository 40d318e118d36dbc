import { ackedItemsLost, clientsMoved, replicasSeenBy } from './checkers';
import { HistoryEntry, Outcome } from './history';
import { natAddress, userAddress } from './addresses';

let t = 0;
function op(client: string, op: string, outcome: Outcome, servedBy?: string, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  t += 1;
  const method = op === 'getCart' ? 'GET' : 'POST';
  return { client, op, method, path: '/cart/items', outcome, servedBy, startedAt: t, endedAt: t, ...extra };
}
const cart = (...skus: string[]) => ({ items: skus.map((sku) => ({ sku, qty: 1 })), item_count: skus.length });

describe('ackedItemsLost', () => {
  it('reports an acknowledged item missing from the last cart seen', () => {
    const h = [
      op('c1', 'addItem', 'ok', 'app1', { body: { sku: 'A', qty: 1 }, cart: cart('A') }),
      op('c1', 'getCart', 'ok', 'app2', { cart: cart() }),
    ];
    expect(ackedItemsLost(h)).toEqual([{ client: 'c1', sku: 'A', expectedQty: 1, seenQty: 0, servedBy: 'app2' }]);
  });

  it('allows either answer for a write with an unknown outcome, and ignores failed ones', () => {
    const h = [
      op('c1', 'addItem', 'unknown', undefined, { body: { sku: 'A', qty: 1 } }),
      op('c1', 'addItem', 'fail', undefined, { body: { sku: 'B', qty: 1 } }),
      op('c1', 'getCart', 'ok', 'app2', { cart: cart() }),
    ];
    expect(ackedItemsLost(h)).toEqual([]);
  });

  it('replays removes and quantity changes before comparing', () => {
    const h = [
      op('c1', 'addItem', 'ok', 'app1', { body: { sku: 'A', qty: 1 } }),
      op('c1', 'addItem', 'ok', 'app1', { body: { sku: 'B', qty: 1 } }),
      op('c1', 'removeItem', 'ok', 'app1', { method: 'DELETE', path: '/cart/items/A', body: { sku: 'A' } }),
      op('c1', 'getCart', 'ok', 'app1', { cart: cart('B') }),
    ];
    expect(ackedItemsLost(h)).toEqual([]);
  });
});

it('replicasSeenBy lists distinct replicas in order; clientsMoved compares placements', () => {
  const before = [op('c1', 'getCart', 'ok', 'app1'), op('c2', 'getCart', 'ok', 'app2'), op('c1', 'getCart', 'ok', 'app3')];
  expect(replicasSeenBy(before, 'c1')).toEqual(['app1', 'app3']);
  const after = [op('c1', 'getCart', 'ok', 'app3'), op('c2', 'getCart', 'ok', 'app1')];
  expect(clientsMoved(before, after)).toEqual([{ client: 'c2', from: 'app2', to: 'app1' }]);
  expect(clientsMoved({ c1: 'app1' }, { c1: 'app1' })).toEqual([]);
});

it('user addresses differ in the third octet, NAT addresses share it', () => {
  expect([userAddress(0), userAddress(1)]).toEqual(['127.0.1.1', '127.0.2.1']);
  expect([natAddress(0), natAddress(1)]).toEqual(['127.0.200.1', '127.0.200.2']);
  expect(() => userAddress(254)).toThrow(RangeError);
});
