"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.directGroup = directGroup;
const redis_server_1 = require("../../topology/drivers/process/redis-server");
const child_1 = require("../child");
const cases_1 = require("../cases");
const users_1 = require("../users");
/** What a user would write instead: Express 5 + express-session, memory store. */
async function startPeer(ctx, defer) {
    const peer = await child_1.ChildServer.start({
        script: ctx.paths.peer,
        env: { APP_NAME: 'peer', SESSION_SECRET: ctx.secret },
        readyPath: '/health/live',
    });
    defer(() => peer.stop());
    return { url: peer.url, users: await (0, users_1.createUsers)(peer.url, ctx.profile.users), pids: [peer.pid] };
}
async function startCartApi(ctx, store, defer) {
    const redis = store === 'redis' ? await redis_server_1.RedisServer.start() : undefined;
    if (redis)
        defer(() => redis.stop());
    const replica = await (0, cases_1.startReplica)(ctx, { store, redisUrl: redis?.url });
    defer(() => replica.stop());
    const pids = [replica.pid, ...(redis?.pid ? [redis.pid] : [])];
    return { url: replica.url, users: await (0, users_1.createUsers)(replica.url, ctx.profile.users), pids };
}
function getCase(id, label, s, group) {
    return { row: { id, group, label }, spec: { url: s.url, steps: cases_1.GET_CART, users: s.users, cpuPids: s.pids } };
}
/**
 * The peer baseline and cart-api alone (one replica, no balancer), memory
 * and redis store. Every server is up at once and the compared cases take
 * turns, so the ratios come from the same conditions.
 */
async function directGroup(ctx, which) {
    return (0, cases_1.withCleanup)(async (defer) => {
        const peer = which.peer ? await startPeer(ctx, defer) : undefined;
        const memory = which.direct ? await startCartApi(ctx, 'memory', defer) : undefined;
        const redis = which.direct ? await startCartApi(ctx, 'redis', defer) : undefined;
        const gets = [];
        if (peer)
            gets.push(getCase('peer.get', 'peer Express+express-session GET /cart', peer, 'peer'));
        if (memory)
            gets.push(getCase('direct.memory.get', 'cart-api direct memory GET /cart', memory, 'direct'));
        if (redis)
            gets.push(getCase('direct.redis.get', 'cart-api direct redis GET /cart', redis, 'direct'));
        const rows = await (0, cases_1.measureTogether)(ctx, gets);
        if (memory && redis) {
            const [sku] = await (0, users_1.productSkus)(memory.url);
            const posts = await (0, cases_1.measureTogether)(ctx, [
                { row: { id: 'direct.memory.post', group: 'direct', label: 'cart-api direct memory POST /cart/items' }, spec: { url: memory.url, steps: (0, cases_1.postSteps)(sku), users: memory.users, cpuPids: memory.pids } },
                { row: { id: 'direct.redis.post', group: 'direct', label: 'cart-api direct redis POST /cart/items' }, spec: { url: redis.url, steps: (0, cases_1.postSteps)(sku), users: redis.users, cpuPids: redis.pids } },
            ]);
            rows.push(...posts);
            (0, cases_1.ratio)(posts[1], posts[0]);
        }
        const byId = (id) => rows.find((r) => r.id === id);
        const memoryGet = byId('direct.memory.get');
        if (memoryGet)
            (0, cases_1.ratio)(memoryGet, byId('peer.get'));
        const redisGet = byId('direct.redis.get');
        if (redisGet)
            (0, cases_1.ratio)(redisGet, memoryGet);
        return rows;
    });
}
//# sourceMappingURL=direct.js.map