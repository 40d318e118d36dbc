"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Shopper = exports.LOST_SHOWN_MS = exports.MAX_ITEMS = void 0;
// One simulated user of the dashboard's client grid: shops a little on every
// step and notices when a cart it was acknowledged disappears.
const checkers_1 = require("../client/checkers");
/** Carts stay small so a lab that runs for hours keeps bounded sessions. */
exports.MAX_ITEMS = 6;
/** Bound on the replayed history (a long outage with no cart to compare). */
const MAX_REPLAY = 200;
/** How long a tile stays red after its cart was lost. */
exports.LOST_SHOWN_MS = 15_000;
class Shopper {
    client;
    random;
    now;
    sinceBaseline = [];
    replica = null;
    items = 0;
    lostAt = -Infinity;
    lostCount = 0;
    moves = 0;
    failed = 0;
    lastError = null;
    constructor(client, random = Math.random, now = Date.now) {
        this.client = client;
        this.random = random;
        this.now = now;
    }
    get name() {
        return this.client.name;
    }
    /** One request: clear a full cart, else mostly add, sometimes just look. */
    async step(skus) {
        let reply;
        if (this.items >= exports.MAX_ITEMS)
            reply = await this.client.clearCart();
        else if (skus.length > 0 && this.random() < 0.7)
            reply = await this.client.addItem(skus[Math.floor(this.random() * skus.length)], 1);
        else
            reply = await this.client.getCart();
        this.absorb(reply);
    }
    absorb(reply) {
        if (this.sinceBaseline.length >= MAX_REPLAY)
            this.sinceBaseline = [];
        this.sinceBaseline.push(reply.entry);
        if (reply.servedBy) {
            if (this.replica !== null && reply.servedBy !== this.replica)
                this.moves += 1;
            this.replica = reply.servedBy;
        }
        if (!reply.ok) {
            this.failed += 1;
            this.lastError = reply.error ?? `HTTP ${reply.status}`;
            return;
        }
        this.lastError = null;
        if (reply.body && Array.isArray(reply.body.items))
            this.items = reply.body.item_count;
        // The checker replays this client's writes since the last baseline and
        // compares them with the cart just seen; then the seen cart is the new
        // baseline, so one loss is counted once.
        if ((0, checkers_1.ackedItemsLost)(this.sinceBaseline).valid === false) {
            this.lostCount += 1;
            this.lostAt = this.now();
            this.sinceBaseline = [];
        }
        else if (reply.entry.op === 'clearCart') {
            this.sinceBaseline = [];
        }
    }
    tile() {
        return {
            name: this.client.name,
            address: this.client.sourceAddress ?? '127.0.0.1',
            replica: this.replica,
            items: this.items,
            lost: this.now() - this.lostAt < exports.LOST_SHOWN_MS,
            lostCount: this.lostCount,
            moves: this.moves,
            failed: this.failed,
            lastError: this.lastError,
        };
    }
    close() {
        this.client.close();
    }
}
exports.Shopper = Shopper;
//# sourceMappingURL=shopper.js.map