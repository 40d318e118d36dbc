// The failover scenario's bookkeeping without balancers: the shared cookie
// jar of a two-door user, and the row when the surviving balancer never
// answered (the checks must say unknown, never 0 %).
import { clientsStayed, FaultEntry, History, HistoryEntry, LabClient } from '../client';
import { TwoDoorUser, variantRow } from './balancer-failover';

const params = { strategy: 'stick-table' as const, store: 'memory' as const, balancer: 'haproxy' as const };
const replicas = ['app1', 'app2', 'app3'];

function entry(over: Partial<HistoryEntry>): HistoryEntry {
  return { client: 'a01', op: 'getCart', method: 'GET', path: '/cart', outcome: 'ok', startedAt: 1, endedAt: 2, ...over };
}

describe('TwoDoorUser', () => {
  it('carries every cookie a user got through one balancer to the other', () => {
    const history = new History();
    const door = (url: string) => new LabClient({ name: 'a01', baseUrl: url, history });
    const user = new TwoDoorUser([door('http://127.0.0.1:1'), door('http://127.0.0.1:2')]);
    user.via(0).setCookie('route', 'app2');
    expect(user.via(1).cookies()).toEqual({ route: 'app2' });
    user.via(1).setCookie('sid', 's:abc');
    expect(user.via(0).cookies()).toEqual({ route: 'app2', sid: 's:abc' });
    expect(user.name).toBe('a01');
    user.close();
  });
});

describe('variantRow', () => {
  const kill: FaultEntry = { type: 'fault', fault: 'balancer-kill', target: 'lb1', outcome: 'ok', startedAt: 10, endedAt: 11 };
  const cart = { items: [{ sku: 'sku-tea', qty: 1 }], item_count: 1 } as unknown as HistoryEntry['cart'];

  it('says unknown, not 0 %, when no user got an answer from lb2 after lb1 died', () => {
    const own = new History();
    own.record(entry({ op: 'addItem', method: 'POST', path: '/cart/items', body: { sku: 'sku-tea', qty: 1 }, servedBy: 'app1', cart }));
    own.record(entry({ servedBy: 'app1', cart, startedAt: 3, endedAt: 4 }));
    own.record(kill);
    // The probe to the dead lb1 and every request to lb2 failed.
    own.record(entry({ op: 'root', path: '/', outcome: 'fail', error: 'ECONNREFUSED', startedAt: 12, endedAt: 13 }));
    own.record(entry({ outcome: 'unknown', error: 'timeout', startedAt: 14, endedAt: 15 }));
    const moved = clientsStayed({ a01: 'app1' }, {});
    const row = variantRow({ params, replicas }, 'lb1 dies', own, 1, { facts: { movedClients: [], lostClients: [], spread: '' }, moved });
    expect(row).toMatchObject({ scenario: 'balancer-failover', variant: 'lb1 dies', strategy: 'stick-table', carts_lost_pct: 'unknown', clients_moved_pct: 'unknown' });
    expect(row.checks?.carts?.reason).toMatch(/no successful cart read after the last fault/);
    expect(row.checks?.placement?.reason).toMatch(/got no answer afterwards/);
    // The refused probe is by design and not counted; the timed-out read is.
    expect(row.failed_requests).toBe(1);
    expect(row.note).toBe('0 of 1 users changed replica; at the end nobody placed');
  });

  it('counts a user seen on two replicas as moved when users alternate', () => {
    const own = new History();
    own.record(entry({ servedBy: 'app1' }));
    own.record(entry({ servedBy: 'app2', startedAt: 3, endedAt: 4 }));
    const row = variantRow({ params, replicas }, 'alternate', own, 1, { facts: { movedClients: ['a01'], lostClients: [], spread: 'app2 ×1' }, moved: 1 });
    expect(row.clients_moved_pct).toBe(100);
    expect(row.checks?.placement).toBeUndefined();
  });
});
