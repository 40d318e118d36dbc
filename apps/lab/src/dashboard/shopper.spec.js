"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const shopper_1 = require("./shopper");
// A scripted client: each call answers from the given replica with the cart
// that replica holds for this user (one cart per replica, like the memory store).
class ScriptedClient {
    name = 'c1';
    sourceAddress = '127.0.1.1';
    replica = 'app1';
    carts = new Map();
    fail = false;
    reply(op, method, change, body) {
        if (this.fail) {
            const entry = { client: this.name, op, method, path: '/cart', body, outcome: 'fail', status: 503, startedAt: 0, endedAt: 0 };
            return Promise.resolve({ outcome: 'fail', ok: false, status: 503, servedBy: this.replica, error: 'HTTP 503', entry });
        }
        const cart = this.carts.get(this.replica) ?? new Map();
        this.carts.set(this.replica, cart);
        change(cart);
        const items = [...cart].map(([sku, qty]) => ({ sku, qty }));
        const item_count = items.reduce((n, i) => n + i.qty, 0);
        const seen = { served_by: this.replica, items, item_count, total_cents: 0 };
        const entry = { client: this.name, op, method, path: '/cart/items', body, outcome: 'ok', status: 200, servedBy: this.replica, cart: seen, startedAt: 0, endedAt: 0 };
        return Promise.resolve({ outcome: 'ok', ok: true, status: 200, servedBy: this.replica, body: seen, entry });
    }
    getCart() {
        return this.reply('getCart', 'GET', () => undefined);
    }
    addItem(sku, qty = 1) {
        return this.reply('addItem', 'POST', (c) => c.set(sku, (c.get(sku) ?? 0) + qty), { sku, qty });
    }
    clearCart() {
        return this.reply('clearCart', 'DELETE', (c) => c.clear());
    }
    close() { }
}
const alwaysAdd = () => 0; // random() < 0.7 → add, index 0
let clock = 0;
function setup() {
    const client = new ScriptedClient();
    return { client, shopper: new shopper_1.Shopper(client, alwaysAdd, () => clock) };
}
it('counts a cart lost when the next replica does not have the acknowledged items', async () => {
    const { client, shopper } = setup();
    await shopper.step(['A']);
    await shopper.step(['A']);
    expect(shopper.tile()).toMatchObject({ replica: 'app1', items: 2, lost: false, lostCount: 0 });
    client.replica = 'app2';
    await shopper.step(['A']);
    expect(shopper.tile()).toMatchObject({ replica: 'app2', items: 1, lost: true, lostCount: 1, moves: 1 });
    // the cart seen on app2 is the new baseline: no second loss for the same event
    await shopper.step(['A']);
    expect(shopper.tile()).toMatchObject({ items: 2, lostCount: 1 });
    clock += shopper_1.LOST_SHOWN_MS;
    expect(shopper.tile().lost).toBe(false);
});
it('a move to a replica that shares the cart is a move, not a loss', async () => {
    const { client, shopper } = setup();
    await shopper.step(['A']);
    client.carts.set('app2', client.carts.get('app1')); // a shared store
    client.replica = 'app2';
    await shopper.step(['A']);
    expect(shopper.tile()).toMatchObject({ moves: 1, lostCount: 0, items: 2 });
});
it('clears a full cart instead of growing it, and that is no loss', async () => {
    const { shopper } = setup();
    for (let i = 0; i < shopper_1.MAX_ITEMS; i++)
        await shopper.step(['A']);
    expect(shopper.tile().items).toBe(shopper_1.MAX_ITEMS);
    await shopper.step(['A']);
    expect(shopper.tile()).toMatchObject({ items: 0, lostCount: 0 });
});
it('counts failed requests and shows the last error until a request succeeds', async () => {
    const { client, shopper } = setup();
    client.fail = true;
    await shopper.step(['A']);
    expect(shopper.tile()).toMatchObject({ failed: 1, lastError: 'HTTP 503' });
    client.fail = false;
    await shopper.step(['A']);
    expect(shopper.tile()).toMatchObject({ failed: 1, lastError: null, lostCount: 0 });
});
//# sourceMappingURL=shopper.spec.js.map