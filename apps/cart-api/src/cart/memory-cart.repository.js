"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MemoryCartRepository = void 0;
const cart_repository_1 = require("./cart.repository");
/*
 * A cart is held as one short string, "sku-apple=2&sku-bread=1": a Map of
 * lines per cart cost ~220 B and kept the request's own sku strings alive,
 * where the string costs ~60 B — it is what lets one replica hold 100 000
 * sessions within the lab's memory budget. Skus come from the catalog, so
 * they never contain "=" or "&".
 */
function decode(encoded) {
    if (!encoded)
        return [];
    return encoded.split('&').map((pair) => {
        const at = pair.indexOf('=');
        return { sku: pair.slice(0, at), qty: Number(pair.slice(at + 1)) };
    });
}
function encode(lines) {
    return lines.map((l) => `${l.sku}=${l.qty}`).join('&');
}
/**
 * Carts in process memory. Every mutation runs synchronously between two
 * awaits, so it is atomic by construction. Entries go when their session
 * expires or is destroyed (MemorySessionStore calls `delete`).
 */
class MemoryCartRepository {
    limits;
    carts = new Map();
    constructor(limits = cart_repository_1.DEFAULT_CART_LIMITS) {
        this.limits = limits;
    }
    get size() {
        return this.carts.size;
    }
    async get(sid) {
        return decode(this.carts.get(sid));
    }
    async add(sid, sku, qty) {
        const lines = decode(this.carts.get(sid));
        const line = lines.find((l) => l.sku === sku);
        if (!line && lines.length >= this.limits.maxLines)
            throw (0, cart_repository_1.tooManyLines)(this.limits);
        const next = (line?.qty ?? 0) + qty;
        if (next > this.limits.maxQty)
            throw (0, cart_repository_1.qtyTooLarge)(sku, this.limits);
        if (line)
            line.qty = next;
        else
            lines.push({ sku, qty: next });
        return this.store(sid, lines);
    }
    async set(sid, sku, qty) {
        const lines = decode(this.carts.get(sid));
        const line = lines.find((l) => l.sku === sku);
        if (!line)
            throw new cart_repository_1.LineNotFoundError(sku);
        if (qty > this.limits.maxQty)
            throw (0, cart_repository_1.qtyTooLarge)(sku, this.limits);
        line.qty = qty;
        return this.store(sid, lines);
    }
    async remove(sid, sku) {
        const lines = decode(this.carts.get(sid));
        const rest = lines.filter((l) => l.sku !== sku);
        if (rest.length === lines.length)
            throw new cart_repository_1.LineNotFoundError(sku);
        return this.store(sid, rest);
    }
    async clear(sid) {
        this.carts.delete(sid);
    }
    /** Drops the cart of a session that is gone. */
    delete(sid) {
        this.carts.delete(sid);
    }
    store(sid, lines) {
        if (lines.length === 0)
            this.carts.delete(sid);
        else
            this.carts.set(sid, encode(lines));
        return lines;
    }
}
exports.MemoryCartRepository = MemoryCartRepository;
//# sourceMappingURL=memory-cart.repository.js.map