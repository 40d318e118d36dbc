"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GET_CART = void 0;
exports.postSteps = postSteps;
exports.measureTogether = measureTogether;
exports.measure = measure;
exports.ratio = ratio;
exports.startReplica = startReplica;
exports.withCleanup = withCleanup;
const child_1 = require("./child");
const load_1 = require("./load");
const pinning_1 = require("./pinning");
exports.GET_CART = [{ method: 'GET', path: '/cart' }];
/**
 * POSTs one unit of `sku` per request. A line holds at most 99, so the
 * sequence starts from an empty cart (1 request in 91 is that DELETE) and
 * every slice of a run starts it over.
 */
function postSteps(sku) {
    const add = { method: 'POST', path: '/cart/items', body: { sku, qty: 1 } };
    return [{ method: 'DELETE', path: '/cart' }, ...Array.from({ length: 90 }, () => add)];
}
/** Cases compared with each other are measured in turns, with the same settings. */
async function measureTogether(ctx, cases) {
    ctx.log(`  ${cases.map((c) => c.row.label).join(' | ')} …`);
    const { durationS, warmupS, rounds } = ctx.profile;
    (0, pinning_1.pinServerProcesses)(ctx.pinning);
    const loads = await (0, load_1.runInterleaved)(ctx.generator, cases.map((c) => c.spec), { durationS, warmupS, rounds });
    return cases.map((c, i) => {
        const load = loads[i];
        const skew = load.skew === undefined ? '' : `, skew ${load.skew}`;
        ctx.log(`  ${c.row.label}: ${load.server_cpu_us_per_req} µs CPU/req, ${load.rps} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, ` +
            `errors ${load.errors}, generator busy ${load.generator_busy}${skew}`);
        const row = { ...c.row, load };
        if (load.cart)
            row.cart_kept = load.cart.mean;
        return row;
    });
}
async function measure(ctx, row, spec) {
    const [result] = await measureTogether(ctx, [{ row, spec }]);
    return result;
}
/** Sets `row.ratio`: row req/s and server CPU per request over `of`'s, measured in the same run. */
function ratio(row, of) {
    if (!of || of.load.rps <= 0)
        return;
    const cpu = of.load.server_cpu_us_per_req > 0 ? (0, load_1.round)(row.load.server_cpu_us_per_req / of.load.server_cpu_us_per_req, 2) : null;
    row.ratio = { of: of.id, rps: (0, load_1.round)(row.load.rps / of.load.rps, 2), cpu };
}
/** One cart-api replica from the build output, quiet, on a free loopback port. */
function startReplica(ctx, o) {
    const env = {
        APP_NAME: o.name ?? 'app1',
        SESSION_STORE: o.store,
        SESSION_SECRET: ctx.secret,
        LOG_LEVEL: 'silent',
        COOKIE_SECURE: 'false',
    };
    if (o.redisUrl)
        env.REDIS_URL = o.redisUrl;
    if (o.ttlSeconds)
        env.SESSION_TTL_SECONDS = String(o.ttlSeconds);
    return child_1.ChildServer.start({ script: ctx.paths.cartApi, env, readyPath: '/health/ready', nodeArgs: o.nodeArgs });
}
/** Runs `fn` with resources that are always released, in reverse order. */
async function withCleanup(fn) {
    const stack = [];
    try {
        return await fn((f) => stack.push(f));
    }
    finally {
        for (const f of stack.reverse())
            await f();
    }
}
//# sourceMappingURL=cases.js.map