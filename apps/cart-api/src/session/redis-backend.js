"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.redisBackend = redisBackend;
const log_1 = require("../common/log");
const redis_client_1 = require("./redis-client");
const claimed_session_store_1 = require("./claimed-session.store");
function redisErrorLogger(config) {
    let last = '';
    // node-redis emits an error on every failed reconnect; log each distinct one once.
    return (err) => {
        const line = `${err?.message ?? err}`;
        if (line === last || config.logLevel === 'silent')
            return;
        last = line;
        (0, log_1.logError)({ replica: config.appName, redis_error: line });
    };
}
function redisBackend(config) {
    const redis = (0, redis_client_1.createRedisClient)(config.redisUrl, redisErrorLogger(config));
    // disableTouch, and no GET either (ClaimedSessionStore): the cart script
    // checks and refreshes sess:<sid> together with cart:<sid>, so a cart read
    // or write is one round trip.
    const ttlMs = config.sessionTtlSeconds * 1000;
    const store = new claimed_session_store_1.ClaimedSessionStore({ client: (0, redis_client_1.timedClientForConnectRedis)(redis), prefix: 'sess:', ttl: config.sessionTtlSeconds, disableTouch: true }, () => ({ originalMaxAge: ttlMs, expires: new Date(Date.now() + ttlMs), httpOnly: true, path: '/', sameSite: 'lax', secure: config.cookieSecure === true }));
    return {
        kind: 'redis',
        store,
        redis,
        sessionsInMemory: () => null,
        ready: () => (0, redis_client_1.redisReady)(redis),
        onSessionGone: () => undefined,
        close: () => (0, redis_client_1.closeRedisClient)(redis),
    };
}
//# sourceMappingURL=redis-backend.js.map