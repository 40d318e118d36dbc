"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withTimeout = exports.RedisTimeoutError = exports.REDIS_COMMAND_TIMEOUT_MS = void 0;
exports.createRedisClient = createRedisClient;
exports.closeRedisClient = closeRedisClient;
exports.redisReady = redisReady;
exports.timedClientForConnectRedis = timedClientForConnectRedis;
const redis_1 = require("redis");
const with_timeout_1 = require("./with-timeout");
var with_timeout_2 = require("./with-timeout");
Object.defineProperty(exports, "REDIS_COMMAND_TIMEOUT_MS", { enumerable: true, get: function () { return with_timeout_2.REDIS_COMMAND_TIMEOUT_MS; } });
Object.defineProperty(exports, "RedisTimeoutError", { enumerable: true, get: function () { return with_timeout_2.RedisTimeoutError; } });
Object.defineProperty(exports, "withTimeout", { enumerable: true, get: function () { return with_timeout_2.withTimeout; } });
/**
 * A client that fails fast instead of queueing while Redis is away
 * (disableOfflineQueue), gives up a connect attempt after 500 ms and retries
 * at most every 300 ms, so it is back within 2 s of Redis returning.
 */
function createRedisClient(url, onError) {
    const client = (0, redis_1.createClient)({
        url,
        disableOfflineQueue: true,
        socket: {
            connectTimeout: 500,
            reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 300),
        },
    });
    client.on('error', onError);
    // connect() keeps retrying in the background; boot must not wait for Redis.
    client.connect().catch(onError);
    return client;
}
/** Closes politely when Redis answers, otherwise drops the socket. */
async function closeRedisClient(client) {
    if (!client.isOpen)
        return;
    try {
        if (!client.isReady)
            throw new Error('not ready');
        await (0, with_timeout_1.withTimeout)(client.close(), 1000, 'redis close');
    }
    catch {
        client.destroy();
    }
}
/** True when Redis answers PING within the timeout. */
async function redisReady(client, timeoutMs = 300) {
    if (!client.isReady)
        return false;
    try {
        return (await (0, with_timeout_1.withTimeout)(client.ping(), timeoutMs, 'redis ping')) === 'PONG';
    }
    catch {
        return false;
    }
}
/**
 * The subset of the client connect-redis uses, each call bounded by
 * withTimeout, so express-session's store errors out instead of hanging.
 */
function timedClientForConnectRedis(client, ms = with_timeout_1.REDIS_COMMAND_TIMEOUT_MS) {
    return {
        get: (key) => (0, with_timeout_1.withTimeout)(client.get(key), ms),
        set: (key, val, opts) => (0, with_timeout_1.withTimeout)(client.set(key, val, opts), ms),
        expire: (key, seconds) => (0, with_timeout_1.withTimeout)(client.expire(key, seconds), ms),
        del: (keys) => (0, with_timeout_1.withTimeout)(client.del(keys), ms),
        mGet: (keys) => (0, with_timeout_1.withTimeout)(client.mGet(keys), ms),
        scanIterator: (opts) => client.scanIterator(opts),
    };
}
//# sourceMappingURL=redis-client.js.map