import { nameList } from './verdict';
import { ackedItemsLost, clientsMoved, clientsStayed, replicasSeenBy } from './checkers';
import { FaultEntry, FaultKind, HistoryEntry, Outcome } from './history';
import { natAddress, userAddress } from './addresses';

let t = 0;
function op(client: string, op: string, outcome: Outcome, servedBy?: string, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  t += 1;
  const method = op === 'getCart' ? 'GET' : 'POST';
  return { client, op, method, path: '/cart/items', outcome, servedBy, startedAt: t, endedAt: t, ...extra };
}
function fault(kind: FaultKind, target: string): FaultEntry {
  t += 1;
  return { type: 'fault', fault: kind, target, outcome: 'ok', startedAt: t, endedAt: t + 0.5 };
}
const cart = (...skus: string[]) => ({ items: skus.map((sku) => ({ sku, qty: 1 })), item_count: skus.length });

describe('ackedItemsLost', () => {
  it('reports an acknowledged item missing from the last cart seen', () => {
    const h = [
      op('c1', 'addItem', 'ok', 'app1', { body: { sku: 'A', qty: 1 }, cart: cart('A') }),
      op('c1', 'getCart', 'ok', 'app2', { cart: cart() }),
    ];
    expect(ackedItemsLost(h)).toMatchObject({ valid: false, lost: [{ client: 'c1', sku: 'A', expectedQty: 1, seenQty: 0, servedBy: 'app2' }] });
  });

  it('allows either answer for a write with an unknown outcome, and ignores failed ones', () => {
    const h = [
      op('c1', 'addItem', 'unknown', undefined, { body: { sku: 'A', qty: 1 } }),
      op('c1', 'addItem', 'fail', undefined, { body: { sku: 'B', qty: 1 } }),
      op('c1', 'getCart', 'ok', 'app2', { cart: cart() }),
    ];
    expect(ackedItemsLost(h)).toMatchObject({ valid: true, lost: [] });
  });

  it('replays removes and quantity changes before comparing', () => {
    const h = [
      op('c1', 'addItem', 'ok', 'app1', { body: { sku: 'A', qty: 1 } }),
      op('c1', 'addItem', 'ok', 'app1', { body: { sku: 'B', qty: 1 } }),
      op('c1', 'removeItem', 'ok', 'app1', { method: 'DELETE', path: '/cart/items/A', body: { sku: 'A' } }),
      op('c1', 'getCart', 'ok', 'app1', { cart: cart('B') }),
    ];
    expect(ackedItemsLost(h)).toMatchObject({ valid: true, lost: [] });
  });

  it('is unknown for a client never read, and for the whole check when no client was', () => {
    const h = [op('c1', 'addItem', 'ok', 'app1', { body: { sku: 'A', qty: 1 } }), op('c1', 'getCart', 'fail', undefined, { status: 503 })];
    expect(ackedItemsLost(h)).toMatchObject({ valid: 'unknown', lost: [], unread: ['c1'], judged: [] });
    expect(ackedItemsLost([])).toMatchObject({ valid: 'unknown', reason: 'no client in the history' });
  });

  it('a loss seen on one client outweighs another client never read (false before unknown)', () => {
    const h = [
      op('c1', 'addItem', 'ok', 'app1', { body: { sku: 'A', qty: 1 } }),
      op('c1', 'getCart', 'ok', 'app2', { cart: cart() }),
      op('c2', 'getCart', 'fail', undefined, { status: 502 }),
    ];
    expect(ackedItemsLost(h)).toMatchObject({ valid: false, unread: ['c2'], judged: ['c1'] });
  });

  // The Redis outage: carts fine before the pause, 503s while paused, and
  // every read after the resume failed too. The last good read predates the
  // fault, so it cannot vouch for the cart afterwards: unknown, not pass.
  it('a Redis outage whose reads after the resume all failed is unknown', () => {
    const clients = ['c1', 'c2'];
    const h = [
      ...clients.map((c) => op(c, 'addItem', 'ok', 'app1', { body: { sku: 'A', qty: 1 }, cart: cart('A') })),
      ...clients.map((c) => op(c, 'getCart', 'ok', 'app2', { cart: cart('A') })),
      fault('redis-pause', 'redis'),
      ...clients.map((c) => op(c, 'addItem', 'fail', 'app3', { body: { sku: 'B', qty: 1 }, status: 503 })),
      fault('redis-resume', 'redis'),
      ...clients.map((c) => op(c, 'getCart', 'fail', 'app1', { status: 503 })),
    ];
    const check = ackedItemsLost(h);
    expect(check).toMatchObject({ valid: 'unknown', lost: [], unread: clients });
    expect(check.reason).toMatch(/no successful cart read after the last fault/);
    // The same reads succeeding after the resume settle it.
    const healed = [...h, ...clients.map((c) => op(c, 'getCart', 'ok', 'app1', { cart: cart('A') }))];
    expect(ackedItemsLost(healed).valid).toBe(true);
  });
});

it('replicasSeenBy lists distinct replicas in order; clientsMoved compares placements', () => {
  const before = [op('c1', 'getCart', 'ok', 'app1'), op('c2', 'getCart', 'ok', 'app2'), op('c1', 'getCart', 'ok', 'app3')];
  expect(replicasSeenBy(before, 'c1')).toEqual(['app1', 'app3']);
  const after = [op('c1', 'getCart', 'ok', 'app3'), op('c2', 'getCart', 'ok', 'app1')];
  expect(clientsMoved(before, after)).toEqual([{ client: 'c2', from: 'app2', to: 'app1' }]);
  expect(clientsMoved({ c1: 'app1' }, { c1: 'app1' })).toEqual([]);
});

describe('clientsStayed', () => {
  it('is false when a client moved, true when all stayed', () => {
    expect(clientsStayed({ c1: 'app1', c2: 'app2' }, { c1: 'app1', c2: 'app3' })).toMatchObject({ valid: false, moves: [{ client: 'c2', from: 'app2', to: 'app3' }] });
    expect(clientsStayed({ c1: 'app1' }, { c1: 'app1' }).valid).toBe(true);
  });
  it('is unknown when a client got no answer afterwards, or nobody was placed', () => {
    expect(clientsStayed({ c1: 'app1', c2: 'app2' }, { c1: 'app1' })).toMatchObject({ valid: 'unknown', unplaced: ['c2'] });
    expect(clientsStayed({}, {}).valid).toBe('unknown');
  });
});

it('user addresses differ in the third octet, NAT addresses share it', () => {
  expect([userAddress(0), userAddress(1)]).toEqual(['127.0.1.1', '127.0.2.1']);
  expect([natAddress(0), natAddress(1)]).toEqual(['127.0.200.1', '127.0.200.2']);
  expect(() => userAddress(254)).toThrow(RangeError);
});

describe('nameList', () => {
  it('lists names in name order whatever order they came in, so a deterministic cell reads the same every run', () => {
    expect(nameList(['c21', 'c02', 'c10', 'c3'])).toBe('c02, c3, c10, c21');
    expect(nameList(['c9', 'c8', 'c7', 'c6', 'c5', 'c4', 'c3', 'c10'], 6)).toBe('c3, c4, c5, c6, c7, c8 +2');
  });
});
