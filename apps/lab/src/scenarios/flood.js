"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FLOOD_REQUESTS = exports.LIMIT = exports.ID = void 0;
exports.run = run;
// One address floods nginx past its per-client rate limit while ordinary
// shoppers, each on its own address, keep shopping.
const client_1 = require("../client");
const checkers_1 = require("./checkers");
const harness_1 = require("./harness");
exports.ID = 'flood';
/** The nginx templates' `limit_req` (snippets/http.conf.template, server.conf.template). */
exports.LIMIT = { ratePerS: 100, burst: 400 };
/** Requests the flood sends in all: well past the burst, bounded. */
exports.FLOOD_REQUESTS = 2_000;
/** Clients sharing the flooding address; each keeps 4 sockets, so 128 requests are in flight at once. */
const FLOODERS = 32;
const SHOPPERS = 20;
const FLOOD_PATH = '/health/live';
/** Far from every shopper's /24 (userAddress(0…19)) and from 127.0.0.1, which the limit exempts. */
const FLOOD_ADDRESS = (0, client_1.userAddress)(230);
function run(params, options) {
    return (0, harness_1.runScenario)(params, options, async (r) => {
        const shoppers = (0, harness_1.makeClients)(r, SHOPPERS);
        const flooders = (0, harness_1.makeClients)(r, FLOODERS, () => FLOOD_ADDRESS, 'flood');
        try {
            const started = Date.now();
            // The shoppers shop while the flood runs: fill, then read their carts until the flood is over.
            const flood = sendFlood(flooders);
            await (0, harness_1.fill)(r, shoppers);
            await readUntil(shoppers, flood);
            const floodMs = await flood;
            await (0, harness_1.all)(shoppers, (c) => c.getCart());
            const facts = factsOf(r, shoppers, flooders, floodMs);
            const mine = new Set(shoppers.map((c) => c.name));
            const shopping = (0, client_1.entriesOf)(r.history).filter((e) => mine.has(e.client));
            const row = (0, harness_1.unmovedRow)(exports.ID, r, {
                clients: shoppers.length,
                history: shopping,
                note: `flood of ${facts.floodSent} requests from ${FLOOD_ADDRESS} in ${facts.floodMs} ms: ${facts.flood429} answered 429 (${pct(facts.flood429, facts.floodSent)} %), ${facts.floodServed} served (limit allows ≤ ${facts.floodServedBound}); shoppers: ${facts.shopper429.length} 429s, ${facts.shopperFailures.length} failed requests (took ${Date.now() - started} ms)`,
            });
            return { rows: [row], facts };
        }
        finally {
            (0, harness_1.closeAll)([...shoppers, ...flooders]);
        }
    });
}
/**
 * FLOOD_REQUESTS GETs of the cheapest route shared out over the flooders;
 * resolves with the elapsed ms. Cheap, so that even on a busy machine the
 * replicas answer faster than the limit's 100 r/s and the burst runs out.
 */
async function sendFlood(flooders) {
    const t0 = Date.now();
    let left = exports.FLOOD_REQUESTS;
    // every socket of every flooder takes the next request until none is left
    const lanes = flooders.flatMap((c) => Array.from({ length: 4 }, async () => {
        while (left > 0) {
            left--;
            await c.request('GET', FLOOD_PATH);
        }
    }));
    await Promise.all(lanes);
    return Date.now() - t0;
}
/** Shoppers read their carts in rounds while the flood lasts (bounded by the flood itself). */
async function readUntil(shoppers, flood) {
    let over = false;
    void flood.then(() => (over = true));
    while (!over)
        await (0, harness_1.all)(shoppers, (c) => c.getCart());
}
function factsOf(r, shoppers, flooders, floodMs) {
    const of = (clients) => {
        const names = new Set(clients.map((c) => c.name));
        return (0, client_1.entriesOf)(r.history).filter((e) => names.has(e.client));
    };
    const flood = of(flooders);
    const shopping = of(shoppers);
    const line = (e) => `${e.client} ${e.method} ${e.path} ${e.status ?? e.error}`;
    return {
        floodSent: flood.length,
        flood429: flood.filter((e) => e.status === 429).length,
        floodServed: flood.filter((e) => e.outcome === 'ok').length,
        floodMs,
        floodServedBound: exports.LIMIT.burst + Math.ceil((exports.LIMIT.ratePerS * floodMs) / 1000) + 1,
        shopper429: shopping.filter((e) => e.status === 429).map(line),
        shopperFailures: (0, checkers_1.failedRequests)(shopping).map(line),
        shoppers: shoppers.length,
    };
}
const pct = (n, of) => (of ? Math.round((n / of) * 1000) / 10 : 0);
//# sourceMappingURL=flood.js.map