"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisTimeoutError = exports.REDIS_COMMAND_TIMEOUT_MS = void 0;
exports.withTimeout = withTimeout;
/** Bound on every Redis call made for a request, so a frozen Redis yields 503 in well under 1 s. */
exports.REDIS_COMMAND_TIMEOUT_MS = 500;
class RedisTimeoutError extends Error {
}
exports.RedisTimeoutError = RedisTimeoutError;
/**
 * node-redis' own command `timeout` only covers the wait before a command is
 * written; once written to a socket whose peer is frozen (SIGSTOP) it waits
 * forever. Racing the reply against a timer bounds the whole round trip.
 */
function withTimeout(promise, ms = exports.REDIS_COMMAND_TIMEOUT_MS, what = 'redis') {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new RedisTimeoutError(`${what} did not answer within ${ms} ms`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
//# sourceMappingURL=with-timeout.js.map