"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The compose driver against a real Docker engine: the verbs do what the
// Topology contract says. Skipped, with the reason printed, where no engine
// answers, failed instead under `npm run test:docker` (LAB_REQUIRE_DOCKER=1);
// the scenarios cover the failure modes themselves with LAB_DRIVER=compose.
const compose_1 = require("../../apps/lab/src/topology/drivers/compose");
const wait_1 = require("../../apps/lab/src/util/wait");
const support_1 = require("../docker/engine/support");
const describeWithDocker = (0, support_1.describeDocker)('compose-driver.test');
// First run builds the image: generous, bounded.
jest.setTimeout(15 * 60_000);
async function servedBy(url, init = {}) {
    // A fresh connection each time: a pooled one may belong to an nginx worker
    // that a reload is retiring, which closes it under the next request.
    const headers = { connection: 'close', ...init.headers };
    const res = await fetch(url, { ...init, headers, signal: AbortSignal.timeout(5_000) });
    await res.arrayBuffer();
    return { status: res.status, by: res.headers.get('x-served-by'), cookie: res.headers.get('set-cookie') };
}
/** `n` cookie-less requests through nginx; replicas that answered. */
async function spread(t, n) {
    const seen = new Set();
    for (let i = 0; i < n; i++) {
        const r = await servedBy(`${t.url}/`);
        if (r.status === 200 && r.by)
            seen.add(r.by);
    }
    return seen;
}
describeWithDocker('compose driver', () => {
    it('round-robin, memory: stop, start, add, drain and remove replicas, then tear down', async () => {
        const t = await (0, compose_1.startComposeTopology)({ strategy: 'round-robin', store: 'memory', replicas: 2 });
        try {
            expect(t.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
            const status = await t.status();
            expect(status.driver).toBe('compose');
            expect(status.replicas.map((r) => [r.name, r.state])).toEqual([['app1', 'running'], ['app2', 'running']]);
            for (const r of status.replicas)
                expect((await servedBy(`${r.url}/health/live`)).by).toBe(r.name);
            expect(await spread(t, 6)).toEqual(new Set(['app1', 'app2']));
            await t.stop('app2');
            // nginx retries the failed connection on app1 (proxy_next_upstream error).
            expect(await spread(t, 6)).toEqual(new Set(['app1']));
            // Draining while a replica is stopped still reloads (nginx holds addresses, not names).
            await t.markDown('app2', true);
            await t.markDown('app2', false);
            await t.start('app2');
            await (0, wait_1.waitFor)('app2 back in rotation', async () => (await spread(t, 4)).has('app2'), { timeoutMs: 30_000 });
            const added = await t.addReplica();
            expect(added).toBe('app3');
            // The upstream script tags every server line with its replica name.
            expect(await t.nginxConfig()).toMatch(/server \S+:8000 .*# app3\b/);
            expect(await spread(t, 9)).toEqual(new Set(['app1', 'app2', 'app3']));
            await t.markDown('app1', true);
            expect((await spread(t, 8)).has('app1')).toBe(false);
            await t.markDown('app1', false);
            expect((await spread(t, 9)).has('app1')).toBe(true);
            await t.removeReplica('app3');
            expect((await t.status()).replicas.map((r) => r.name)).toEqual(['app1', 'app2']);
            expect(await t.nginxConfig()).not.toMatch(/# app3\b/);
            expect(Object.keys(await t.logs())).toEqual(expect.arrayContaining(['nginx', 'nginx-access', 'app1', 'app2']));
        }
        finally {
            await t.down();
        }
        await t.down(); // idempotent
    });
    it('redis store: a cart survives the replica that wrote it, and is gone after a redis restart', async () => {
        const t = await (0, compose_1.startComposeTopology)({ strategy: 'round-robin', store: 'redis', replicas: 2 });
        try {
            const products = (await (await fetch(`${t.url}/products`)).json());
            const add = await fetch(`${t.url}/cart/items`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ sku: products[0].sku, qty: 1 }),
            });
            expect(add.status).toBeLessThan(300);
            const cookie = (add.headers.get('set-cookie') ?? '').split(';')[0];
            const writer = add.headers.get('x-served-by');
            await t.stop(writer);
            const cart = (await (await fetch(`${t.url}/cart`, { headers: { cookie } })).json());
            expect(cart.served_by).not.toBe(writer);
            expect(cart.item_count).toBe(1);
            await t.redisRestart();
            // The replicas reconnect on their own; until then they answer 503, never a stale cart.
            const after = await (0, wait_1.waitFor)('a cart read after the redis restart', async () => {
                const res = await fetch(`${t.url}/cart`, { headers: { cookie }, signal: AbortSignal.timeout(5_000) });
                if (res.status === 503)
                    return null;
                return (await res.json());
            }, { timeoutMs: 30_000, intervalMs: 250 });
            expect(after.item_count).toBe(0);
        }
        finally {
            await t.down();
        }
    });
});
//# sourceMappingURL=compose-driver.test.js.map