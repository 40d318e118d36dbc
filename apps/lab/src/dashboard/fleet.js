"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Fleet = exports.DEFAULT_CLIENTS = void 0;
// The dashboard's grid of simulated clients: each shops about once a second
// from its own loopback source address, until the dashboard closes.
const addresses_1 = require("../client/addresses");
const history_1 = require("../client/history");
const lab_client_1 = require("../client/lab-client");
const shopper_1 = require("./shopper");
exports.DEFAULT_CLIENTS = 12;
class Fleet {
    opts;
    shoppers = [];
    histories = [];
    timers = new Set();
    skus = [];
    generation = 0;
    sameNat = false;
    running = false;
    size;
    intervalMs;
    constructor(opts) {
        this.opts = opts;
        this.size = opts.clients ?? exports.DEFAULT_CLIENTS;
        this.intervalMs = opts.intervalMs ?? 1000;
    }
    get isRunning() {
        return this.running;
    }
    /** Fresh clients (counters from zero); switching NAT mode means new users. */
    start(sameNat = this.sameNat) {
        this.close();
        if (!isLoopback(this.opts.url))
            return; // probe traffic stays on this machine
        this.sameNat = sameNat;
        const address = sameNat ? addresses_1.natAddress : addresses_1.userAddress;
        this.histories = Array.from({ length: this.size }, () => new history_1.History());
        this.shoppers = this.histories.map((history, i) => new shopper_1.Shopper(new lab_client_1.LabClient({ name: `c${i + 1}`, baseUrl: this.opts.url, sourceAddress: address(i), history, timeoutMs: 4000 })));
        this.resume();
    }
    /** The same clients carry on (after pause), or fresh ones when there are none. */
    resume() {
        if (this.shoppers.length === 0)
            return this.start();
        this.pause();
        this.running = true;
        const generation = this.generation;
        this.shoppers.forEach((s, i) => this.schedule(generation, s, i, (this.intervalMs * i) / this.size));
    }
    /** Stops the requests but keeps tiles and counters on screen. */
    pause() {
        this.running = false;
        this.generation++;
        for (const t of this.timers)
            clearTimeout(t);
        this.timers.clear();
    }
    close() {
        this.pause();
        for (const s of this.shoppers)
            s.close();
    }
    snapshot() {
        const tiles = this.shoppers.map((s) => s.tile());
        const sum = (f) => tiles.reduce((n, t) => n + f(t), 0);
        return {
            running: this.running,
            note: isLoopback(this.opts.url) ? null : `simulated clients only run against a loopback lab; ${this.opts.url} is not`,
            sameNat: this.sameNat,
            tiles,
            counters: { cartsLost: sum((t) => t.lostCount), clientsMoved: sum((t) => t.moves), failedRequests: sum((t) => t.failed) },
        };
    }
    schedule(generation, shopper, index, delayMs) {
        const timer = setTimeout(async () => {
            this.timers.delete(timer);
            if (generation !== this.generation)
                return;
            try {
                if (this.skus.length === 0)
                    await this.loadSkus(index);
                await shopper.step(this.skus);
            }
            catch {
                // a step records its own failures; anything else must not stop the grid
            }
            this.histories[index]?.entries.splice(0); // the shopper keeps what it needs
            const jitter = 0.8 + Math.random() * 0.4;
            if (generation === this.generation)
                this.schedule(generation, shopper, index, this.intervalMs * jitter);
        }, delayMs);
        timer.unref();
        this.timers.add(timer);
    }
    async loadSkus(index) {
        const client = new lab_client_1.LabClient({ name: `catalog-${index}`, baseUrl: this.opts.url, timeoutMs: 2000 });
        try {
            const reply = await client.products();
            const list = reply.ok && Array.isArray(reply.body) ? reply.body : [];
            if (list.length > 0)
                this.skus = list.map((p) => p.sku);
        }
        finally {
            client.close();
        }
    }
}
exports.Fleet = Fleet;
function isLoopback(url) {
    const host = new URL(url).hostname;
    return host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
//# sourceMappingURL=fleet.js.map