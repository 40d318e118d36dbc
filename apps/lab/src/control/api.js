"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_REPLICAS = void 0;
exports.handleApi = handleApi;
const http_error_1 = require("../util/http-error");
const json_api_1 = require("../util/json-api");
const transitions_1 = require("../topology/transitions");
exports.MAX_REPLICAS = 16;
const ROUTES = [
    { method: 'GET', doc: '/api/status', pattern: /^\/api\/status$/, handler: (ctx) => labStatus(ctx) },
    { method: 'GET', doc: '/api/logs', pattern: /^\/api\/logs$/, handler: async (ctx) => ({ logs: await ctx.topology.logs() }) },
    { method: 'POST', doc: '/api/replicas/:name/:action', pattern: /^\/api\/replicas\/([^/]+)\/([^/]+)$/, handler: replicaAction },
    { method: 'POST', doc: '/api/scale {"replicas":N}', pattern: /^\/api\/scale$/, handler: scale },
    { method: 'POST', doc: '/api/redis/:action', pattern: /^\/api\/redis\/([^/]+)$/, handler: redisAction },
    { method: 'POST', doc: '/api/down', pattern: /^\/api\/down$/, handler: down },
];
async function handleApi(ctx, req, res, path) {
    const matching = ROUTES.filter((r) => r.pattern.test(path));
    if (matching.length === 0)
        throw (0, http_error_1.notFound)(`no API route ${path}`, { routes: ROUTES.map((r) => `${r.method} ${r.doc}`) });
    const route = matching.find((r) => r.method === req.method);
    if (!route) {
        res.setHeader('allow', matching.map((r) => r.method).join(', '));
        throw new http_error_1.HttpError(405, `${req.method} not allowed on ${path}`);
    }
    const params = (route.pattern.exec(path) ?? []).slice(1).map(decodeURIComponent);
    const body = await route.handler(ctx, req, params);
    (0, json_api_1.sendJson)(res, 200, body);
    if (route.handler === down)
        ctx.onDown();
}
async function labStatus(ctx) {
    return { ...(await ctx.topology.status()), ...ctx.meta() };
}
async function changed(ctx, message) {
    const status = await labStatus(ctx);
    ctx.onChange(status);
    return { ok: true, message, status };
}
const DONE = {
    stop: (n) => `${n} stopped`,
    kill: (n) => `${n} killed`,
    pause: (n) => `${n} paused (its connections stay open, nothing answers)`,
    resume: (n) => `${n} resumed`,
    start: (n) => `${n} started and ready`,
    drain: (n) => `${n} drained: down in nginx (keeps its hash slot, gets no traffic)`,
    undrain: (n) => `${n} back in rotation in nginx`,
};
function apply(topology, action, name) {
    if (action === 'drain' || action === 'undrain')
        return topology.markDown(name, action === 'drain');
    return topology[action](name);
}
async function replicaAction(ctx, _req, [name, action]) {
    if (!(0, transitions_1.isReplicaAction)(action))
        throw (0, http_error_1.notFound)(`unknown replica action "${action}"`, { actions: [...transitions_1.REPLICA_ACTIONS] });
    return ctx.serial.run(async () => {
        const replica = await findReplica(ctx.topology, name);
        const why = (0, transitions_1.replicaActionRefusal)(action, replica);
        if (why)
            throw (0, http_error_1.conflict)(why);
        await apply(ctx.topology, action, name);
        return changed(ctx, DONE[action](name));
    });
}
async function findReplica(topology, name) {
    const { replicas } = await topology.status();
    const found = replicas.find((r) => r.name === name);
    if (found)
        return found;
    const names = replicas.map((r) => r.name);
    throw (0, http_error_1.notFound)(`no replica named "${name}"; replicas: ${names.join(', ')}`, { replicas: names });
}
async function scale(ctx, req) {
    const { replicas } = await (0, json_api_1.readJson)(req);
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 1 || replicas > exports.MAX_REPLICAS) {
        throw (0, http_error_1.badRequest)(`"replicas" must be an integer from 1 to ${exports.MAX_REPLICAS}`);
    }
    return ctx.serial.run(async () => {
        const before = (await ctx.topology.status()).replicas.length;
        if (before === replicas)
            return changed(ctx, `already ${replicas} replicas`);
        await ctx.topology.scale(replicas);
        return changed(ctx, `scaled from ${before} to ${replicas} replicas`);
    });
}
const REDIS_DO = {
    pause: { run: (t) => t.redisPause(), done: 'redis paused (connections stay open, nothing answers)' },
    resume: { run: (t) => t.redisResume(), done: 'redis resumed' },
    restart: { run: (t) => t.redisRestart(), done: 'redis restarted: every session it held is gone' },
};
function isRedisAction(value) {
    return transitions_1.REDIS_ACTIONS.includes(value);
}
async function redisAction(ctx, _req, [action]) {
    if (!isRedisAction(action))
        throw (0, http_error_1.notFound)(`unknown redis action "${action}"`, { actions: [...transitions_1.REDIS_ACTIONS] });
    return ctx.serial.run(async () => {
        const { redis, store } = await ctx.topology.status();
        if (!redis)
            throw (0, http_error_1.conflict)(`this lab uses the ${store} store and has no Redis; start one with --store redis`);
        const why = (0, transitions_1.redisActionRefusal)(action, redis.state);
        if (why)
            throw (0, http_error_1.conflict)(why);
        await REDIS_DO[action].run(ctx.topology);
        // Only a restart's outcome depends on persistence; with AOF the sessions survive it.
        return changed(ctx, action === 'restart' && redis.persistence === 'aof' ? 'redis restarted: AOF persistence kept every session' : REDIS_DO[action].done);
    });
}
async function down() {
    return { ok: true, message: 'tearing the lab down' };
}
//# sourceMappingURL=api.js.map