"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisCartRepository = void 0;
const node_crypto_1 = require("node:crypto");
const with_timeout_1 = require("../session/with-timeout");
const cart_repository_1 = require("./cart.repository");
const cart_lua_1 = require("./cart.lua");
const SHA = (0, node_crypto_1.createHash)('sha1').update(cart_lua_1.CART_SCRIPT).digest('hex');
function toLines(flat) {
    const list = flat;
    const lines = [];
    for (let i = 0; i < list.length; i += 2)
        lines.push({ sku: list[i], qty: Number(list[i + 1]) });
    return lines;
}
/** Carts as Redis hashes `cart:<sid>`, every change one atomic Lua script run. */
class RedisCartRepository {
    redis;
    ttlSeconds;
    limits;
    constructor(redis, ttlSeconds, limits = cart_repository_1.DEFAULT_CART_LIMITS) {
        this.redis = redis;
        this.ttlSeconds = ttlSeconds;
        this.limits = limits;
    }
    async run(op, sid, sku = '', qty = 0) {
        const options = {
            keys: [`cart:${sid}`, `sess:${sid}`],
            arguments: [
                op, sku, String(qty), String(this.ttlSeconds), String(this.limits.maxQty), String(this.limits.maxLines),
                String(Date.now() + with_timeout_1.REDIS_COMMAND_TIMEOUT_MS),
            ],
        };
        try {
            return toLines(await (0, with_timeout_1.withTimeout)(this.evalCached(options)));
        }
        catch (err) {
            throw this.domainError(err, sku);
        }
    }
    async evalCached(options) {
        try {
            return await this.redis.evalSha(SHA, options);
        }
        catch (err) {
            if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT'))
                throw err;
            return this.redis.eval(cart_lua_1.CART_SCRIPT, options);
        }
    }
    domainError(err, sku) {
        // Redis 7 prefixes script errors with "ERR ", older versions do not.
        const code = /\bCART_(LINES|QTY|NOLINE|NOSESSION|LATE)\b/.exec(err instanceof Error ? err.message : '')?.[1];
        if (code === 'LINES')
            return (0, cart_repository_1.tooManyLines)(this.limits);
        if (code === 'QTY')
            return (0, cart_repository_1.qtyTooLarge)(sku, this.limits);
        if (code === 'NOLINE')
            return new cart_repository_1.LineNotFoundError(sku);
        if (code === 'NOSESSION')
            return new cart_repository_1.SessionGoneError();
        if (code === 'LATE')
            return new with_timeout_1.RedisTimeoutError(`redis ran the cart script after its ${with_timeout_1.REDIS_COMMAND_TIMEOUT_MS} ms deadline`);
        return err;
    }
    get(sid) {
        return this.run('get', sid);
    }
    add(sid, sku, qty) {
        return this.run('add', sid, sku, qty);
    }
    set(sid, sku, qty) {
        return this.run('set', sid, sku, qty);
    }
    remove(sid, sku) {
        return this.run('remove', sid, sku);
    }
    async clear(sid) {
        await this.run('clear', sid);
    }
}
exports.RedisCartRepository = RedisCartRepository;
//# sourceMappingURL=redis-cart.repository.js.map