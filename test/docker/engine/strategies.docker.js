"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// Every LB_STRATEGY on the compose files, switched the way the docs say
// (`LB_STRATEGY=… docker compose up -d`: only nginx is recreated), including
// the native `sticky cookie` of nginx >= 1.29.6 and the portable map form.
// From the host every request comes from one bridge address: that is part
// of what is asserted (the address-hash strategies pin the host to one replica).
const support_1 = require("./support");
const d = (0, support_1.describeDocker)('strategies.docker');
jest.setTimeout(15 * 60_000);
const REPLICAS = ['app1', 'app2', 'app3'];
let p;
let base;
async function use(strategy, env = {}) {
    await p.compose(['up', '-d', '--wait'], { env: { LB_STRATEGY: strategy, ...env } });
    base = `http://127.0.0.1:${await p.port()}`;
    await (0, support_1.untilServing)(base);
}
async function servedBy(path = '/', cookie) {
    const r = await (0, support_1.curl)([...(cookie ? ['-H', `cookie: ${cookie}`] : []), `${base}${path}`]);
    return { by: (0, support_1.header)(r.headers, 'x-served-by'), setCookie: (0, support_1.header)(r.headers, 'set-cookie'), status: r.status };
}
async function whoServes(n, path = '/', cookie) {
    const out = [];
    for (let i = 0; i < n; i++)
        out.push((await servedBy(path, cookie)).by ?? 'none');
    return out;
}
async function nginxT() {
    return (await p.compose(['exec', '-T', 'nginx', 'nginx', '-T'])).stdout;
}
d('LB_STRATEGY profiles under Compose', () => {
    beforeAll(async () => {
        (0, support_1.sweepLeftovers)();
        p = new support_1.Project(['docker-compose.yml']);
        await p.compose(['up', '--build', '-d', '--wait']);
    });
    afterAll(async () => {
        await p.down();
        expect(await p.containers()).toEqual([]);
    });
    it('round-robin spreads requests over the three replicas', async () => {
        await use('round-robin');
        expect(new Set(await whoServes(6))).toEqual(new Set(REPLICAS));
    });
    it.each(['ip-hash', 'consistent-hash'])('%s sends every request from the host (one bridge address) to one replica', async (strategy) => {
        await use(strategy);
        expect(new Set(await whoServes(6)).size).toBe(1);
    });
    it('url-hash keeps each URL on one replica', async () => {
        await use('url-hash');
        for (const path of ['/products', '/cart', '/?a=1'])
            expect(new Set(await whoServes(4, path)).size).toBe(1);
    });
    it('sticky-cookie on nginx 1.30 uses the native directive: nginx sets the route, re-pins when its replica is killed, ignores a forged value', async () => {
        await use('sticky-cookie');
        const version = (await p.compose(['exec', '-T', 'nginx', 'nginx', '-v'])).stderr;
        expect(version).toMatch(/nginx\/1\.(29\.([6-9]|\d\d)|[3-9]\d\.)/);
        expect(await nginxT()).toMatch(/^\s*sticky\s+cookie\s+route\b/m);
        const first = await servedBy('/');
        const pinned = /^route=([^;]+)/.exec(first.setCookie ?? '')?.[1];
        expect(REPLICAS).toContain(pinned);
        expect(first.by).toBe(pinned);
        expect(new Set(await whoServes(6, '/', `route=${pinned}`))).toEqual(new Set([pinned]));
        const forged = await servedBy('/', 'route=../../etc; x=1');
        expect(forged.status).toBe(200);
        expect(REPLICAS).toContain(forged.by);
        await p.compose(['kill', pinned]);
        const after = await servedBy('/', `route=${pinned}`);
        expect(after.status).toBe(200);
        expect(after.by).not.toBe(pinned);
        expect(after.setCookie).toMatch(new RegExp(`^route=${after.by}\\b`));
        await p.compose(['start', pinned]);
        await p.compose(['up', '-d', '--wait', '--no-recreate']);
    });
    it('LAB_STICKY=portable: the map form pins and re-pins the same way', async () => {
        await use('sticky-cookie', { LAB_STICKY: 'portable' });
        const conf = await nginxT();
        expect(conf).not.toMatch(/^\s*sticky\s+cookie/m);
        expect(conf).toMatch(/map \$cookie_route \$lab_pool/);
        const first = await servedBy('/');
        const pinned = /^route=([^;]+)/.exec(first.setCookie ?? '')?.[1];
        expect(REPLICAS).toContain(pinned);
        expect(new Set(await whoServes(6, '/', `route=${pinned}`))).toEqual(new Set([pinned]));
        await p.compose(['stop', '-t', '2', pinned]);
        const after = await servedBy('/', `route=${pinned}`);
        expect(after.status).toBe(200);
        expect(after.by).not.toBe(pinned);
        expect(after.setCookie).toMatch(new RegExp(`^route=${after.by}\\b`));
        await p.compose(['start', pinned]);
        await p.compose(['up', '-d', '--wait', '--no-recreate'], { env: { LB_STRATEGY: 'sticky-cookie', LAB_STICKY: 'portable' } });
    });
});
//# sourceMappingURL=strategies.docker.js.map