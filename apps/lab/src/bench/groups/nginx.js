"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.replicaRequests = replicaRequests;
exports.nginxGroup = nginxGroup;
const topology_1 = require("../../topology");
const cases_1 = require("../cases");
const lab_1 = require("../lab");
const users_1 = require("../users");
function options(ctx, strategy, store, replicas) {
    return { strategy, store, replicas, sessionSecret: ctx.secret, env: { LOG_LEVEL: 'silent' } };
}
/** One replica measured through nginx and on its own address, same process, same users. */
async function oneReplica(ctx) {
    return (0, lab_1.withTopology)(options(ctx, 'round-robin', 'memory', 1), async (t) => {
        const [replica] = (await t.status()).replicas;
        const users = await (0, users_1.createUsers)(t.url, ctx.profile.users);
        const [direct, via] = await (0, cases_1.measureTogether)(ctx, [
            { row: { id: 'nginx.one.direct', group: 'nginx', label: 'cart-api 1 replica direct GET /cart' }, spec: { url: replica.url, steps: cases_1.GET_CART, users } },
            { row: { id: 'nginx.one.via-nginx', group: 'nginx', label: 'cart-api 1 replica via nginx GET /cart' }, spec: { url: t.url, steps: cases_1.GET_CART, users } },
        ]);
        (0, cases_1.ratio)(via, direct);
        return [direct, via];
    });
}
/** Requests each replica has served so far, by name, from its own `/stats` (which leaves itself out). */
async function replicaRequests(t) {
    const { replicas } = await t.status();
    const entries = await Promise.all(replicas.map(async (r) => {
        const res = await fetch(`${r.url}/stats`, { signal: AbortSignal.timeout(5_000) });
        const served = (await res.json()).requests_served;
        if (!res.ok || typeof served !== 'number')
            throw new Error(`${r.name} /stats gives no requests_served (${res.status})`);
        return [r.name, served];
    }));
    return Object.fromEntries(entries);
}
/**
 * 3 replicas behind each strategy. Every user has its own source address
 * (spread over many /24s) and its own cart, created through nginx; the row
 * says how evenly the replicas shared the requests (skew, from their own
 * counters) and, per user, the share of reads that found the cart.
 */
async function strategyCase(ctx, strategy, store) {
    return (0, lab_1.withTopology)(options(ctx, strategy, store, 3), async (t) => {
        const users = await (0, users_1.createUsers)(t.url, ctx.profile.users);
        return (0, cases_1.measure)(ctx, { id: `nginx.${store}.${strategy}`, group: 'nginx', label: `3 replicas ${strategy} ${store} GET /cart` }, { url: t.url, steps: cases_1.GET_CART, users, inspectCart: true, replicaCounts: () => replicaRequests(t) });
    });
}
async function nginxGroup(ctx) {
    const rows = await oneReplica(ctx);
    const byId = new Map();
    for (const store of ['memory', 'redis']) {
        for (const strategy of topology_1.STRATEGIES) {
            // One topology that fails costs its own row, not the other nine.
            const row = await strategyCase(ctx, strategy, store).catch((err) => void ctx.fail('nginx', `nginx.${store}.${strategy}: ${err.message}`));
            if (!row)
                continue;
            byId.set(row.id, row);
            rows.push(row);
            (0, cases_1.ratio)(row, store === 'redis' ? byId.get(`nginx.memory.${strategy}`) : rows[1]);
        }
    }
    return rows;
}
//# sourceMappingURL=nginx.js.map