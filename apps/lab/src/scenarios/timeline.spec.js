"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const history_1 = require("../client/history");
const timeline_1 = require("./timeline");
const T0 = 1_000_000;
function req(client, at, servedBy, o = {}) {
    return { client, op: 'getCart', method: 'GET', path: '/cart', outcome: 'ok', servedBy, startedAt: T0 + at, endedAt: T0 + at + 5, ...o };
}
const cart = (...skus) => ({ items: skus.map((sku) => ({ sku, qty: 1 })), item_count: skus.length });
const kill = { type: 'fault', fault: 'kill', target: 'app2', outcome: 'ok', startedAt: T0 + 100, endedAt: T0 + 120 };
describe('timelineOf', () => {
    const h = new history_1.History();
    for (const op of [
        req('c1', 0, 'app2', { op: 'addItem', method: 'POST', body: { sku: 'A', qty: 1 }, cart: cart('A') }),
        req('c1', 10, 'app2', { cart: cart('A') }),
        req('c2', 20, 'app1', { cart: cart() }),
        kill,
        req('c1', 130, undefined, { outcome: 'fail', status: 502 }),
        req('c1', 140, 'app3', { cart: cart() }),
    ])
        h.record(op);
    const t = (0, timeline_1.timelineOf)(h, { replicas: ['app1', 'app2', 'app3'] });
    it('keeps times relative to the first operation and the replica order it was given', () => {
        expect(t).toMatchObject({ t0: T0, durationMs: 145, replicas: ['app1', 'app2', 'app3'] });
    });
    it('merges consecutive requests of one client on one replica, and marks failures and the lost cart', () => {
        // Grouped by the replica that first answered: c2 (app1) before c1 (app2).
        expect(t.clients).toEqual([
            ['c2', [[20, 25, 0, 'ok', 1]]],
            [
                'c1',
                [
                    [0, 15, 1, 'ok', 2],
                    [130, 135, -1, 'fail', 1],
                    [140, 145, 2, 'stale', 1],
                ],
            ],
        ]);
    });
    it('keeps the faults as instants with their outcome', () => {
        expect(t.faults).toEqual([[100, 120, 'kill', 'app2', 'ok']]);
    });
    it('is empty for an empty history', () => {
        expect((0, timeline_1.timelineOf)([])).toEqual({ t0: 0, durationMs: 0, replicas: [], clients: [], faults: [] });
    });
});
//# sourceMappingURL=timeline.spec.js.map