"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SESSION_BACKEND = void 0;
exports.memoryBackend = memoryBackend;
exports.createSessionBackend = createSessionBackend;
const memory_session_store_1 = require("./memory-session.store");
exports.SESSION_BACKEND = Symbol('SESSION_BACKEND');
function memoryBackend(config) {
    const listeners = [];
    const store = new memory_session_store_1.MemorySessionStore({
        ttlSeconds: config.sessionTtlSeconds,
        maxSessions: config.sessionMax,
        onGone: (sid) => listeners.forEach((cb) => cb(sid)),
    });
    return {
        kind: 'memory',
        store,
        // A counter, not a sweep: the dashboard polls this every second, and the
        // store's timer sweeps expired sessions at least every min(TTL, 60 s).
        sessionsInMemory: () => store.size,
        ready: async () => true,
        onSessionGone: (cb) => listeners.push(cb),
        close: async () => store.close(),
    };
}
function createSessionBackend(config) {
    if (config.sessionStore !== 'redis')
        return memoryBackend(config);
    // Loaded only for the redis store: `redis` and `connect-redis` are ~580
    // modules, a quarter of a memory replica's boot CPU (measured by the bench).
    const { redisBackend } = require('./redis-backend');
    return redisBackend(config);
}
//# sourceMappingURL=session-backend.js.map