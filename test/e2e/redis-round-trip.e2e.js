"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The redis store costs one Redis round trip per cart request: the cart
// script checks and refreshes the session, express-session's store never GETs
// it. Counted with MONITOR on a real redis-server; commands a script runs
// inside Redis show as "[0 lua]" and are not round trips.
const node_net_1 = require("node:net");
const redis_server_1 = require("../../apps/lab/src/topology/drivers/process/redis-server");
const wait_1 = require("../../apps/lab/src/util/wait");
const cart_api_1 = require("../support/cart-api");
jest.setTimeout(30_000);
const describeRedis = (0, cart_api_1.describeWithRedis)();
/** Commands clients sent to Redis, as MONITOR reports them, between start() and stop(). */
class Monitor {
    sock;
    text = '';
    async start(port) {
        this.sock = (0, node_net_1.createConnection)({ port, host: '127.0.0.1' });
        this.sock.setEncoding('utf8').on('data', (chunk) => (this.text += chunk));
        this.sock.write('MONITOR\r\n');
        await (0, wait_1.waitFor)('MONITOR on', async () => this.text.startsWith('+OK'), { timeoutMs: 2_000 });
    }
    /** Client commands (script-internal ones excluded), up to a marker that proves MONITOR caught up. */
    async stop(port) {
        const marker = `round-trip-marker-${process.pid}-${Date.now()}`;
        await (0, redis_server_1.redisCommand)(port, `ECHO ${marker}`);
        await (0, wait_1.waitFor)('MONITOR caught up', async () => this.text.includes(marker), { timeoutMs: 2_000 });
        this.sock.destroy();
        return this.text
            .split('\r\n')
            .filter((l) => l.startsWith('+') && l !== '+OK' && !l.includes(' lua]') && !l.includes(marker))
            .map((l) => /"([^"]+)"/.exec(l)?.[1]?.toLowerCase() ?? l);
    }
}
describeRedis('redis store: one round trip per cart request', () => {
    let redis;
    let t;
    let client;
    beforeEach(async () => {
        redis = await redis_server_1.RedisServer.start();
        t = await (0, cart_api_1.untilReady)(await (0, cart_api_1.createTestApp)({ APP_NAME: 'rt', SESSION_STORE: 'redis', REDIS_URL: redis.url }));
        client = new cart_api_1.CookieClient(t.url);
        // First write: stores the session (SET) and loads the script; not what is counted.
        expect((await client.request('POST', '/cart/items', { sku: 'sku-tea', qty: 1 })).status).toBe(201);
    });
    afterEach(async () => {
        await t.close();
        await redis.stop();
    });
    async function commandsOf(fn) {
        const monitor = new Monitor();
        await monitor.start(redis.port);
        await fn();
        return monitor.stop(redis.port);
    }
    it.each([
        ['GET', '/cart', undefined, 200],
        ['POST', '/cart/items', { sku: 'sku-tea', qty: 1 }, 201],
        ['PATCH', '/cart/items/sku-tea', { qty: 3 }, 200],
        ['DELETE', '/cart', undefined, 200],
    ])('%s %s of a stored session is one EVALSHA', async (method, path, body, status) => {
        const sent = await commandsOf(async () => {
            expect((await client.request(method, path, body)).status).toBe(status);
        });
        expect(sent).toEqual(['evalsha']);
    });
    it('a signed sid whose session is gone gets no cart, is reported lost, and a write starts a new session', async () => {
        const sid = decodeURIComponent(client.cookie.split('=')[1]).slice(2).split('.')[0];
        expect(await (0, redis_server_1.redisCommand)(redis.port, `DEL sess:${sid}`)).toBe(':1\r\n'); // the cart:<sid> key stays
        const read = await client.request('GET', '/cart');
        expect([read.status, read.headers.get('x-session-status'), read.body.items, read.headers.get('set-cookie')]).toEqual([
            200,
            'expired-or-lost',
            [],
            null,
        ]);
        const old = client.cookie;
        const add = await client.request('POST', '/cart/items', { sku: 'sku-mug', qty: 2 });
        expect([add.status, add.headers.get('x-session-status'), add.body.item_count]).toEqual([201, 'expired-or-lost', 2]);
        expect(client.cookie).not.toBe(old);
        const next = await client.request('GET', '/cart');
        expect([next.headers.get('x-session-status'), next.body.items.map((i) => i.sku)]).toEqual([null, ['sku-mug']]);
        const patch = await new cart_api_1.CookieClient(t.url).request('PATCH', '/cart/items/sku-tea', { qty: 2 }, undefined);
        expect(patch.status).toBe(404);
        const gone = new cart_api_1.CookieClient(t.url);
        gone.cookie = old;
        const stale = await gone.request('PATCH', '/cart/items/sku-tea', { qty: 2 });
        expect([stale.status, stale.headers.get('x-session-status')]).toEqual([404, 'expired-or-lost']);
    });
    it('a forged cookie naming a stored session gets no cart and costs no Redis call', async () => {
        const sid = decodeURIComponent(client.cookie.split('=')[1]).slice(2).split('.')[0];
        const forged = new cart_api_1.CookieClient(t.url);
        forged.cookie = `sid=${encodeURIComponent(`s:${sid}.forgedsignature`)}`;
        const sent = await commandsOf(async () => {
            const res = await forged.request('GET', '/cart');
            expect([res.status, res.body.items, res.headers.get('x-session-status')]).toEqual([200, [], null]);
        });
        expect(sent).toEqual([]);
    });
});
//# sourceMappingURL=redis-round-trip.e2e.js.map