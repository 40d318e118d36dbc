"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The README's Docker walk-through, run literally: `up --build`, an add
// through nginx's published loopback port with curl and a cookie jar, `stop`
// the replica that served it. Memory store: the cart is gone; Redis: it
// survives. Also what the docs promise around it: the image is built once (a
// strategy switch recreates only nginx), nginx restarts while a replica is
// stopped, `down` leaves nothing.
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const wait_1 = require("../../../apps/lab/src/util/wait");
const support_1 = require("./support");
const d = (0, support_1.describeDocker)('walkthrough.docker');
jest.setTimeout(15 * 60_000);
const REPLICAS = ['app1', 'app2', 'app3'];
let jarDir;
beforeAll(() => {
    (0, support_1.sweepLeftovers)();
    jarDir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'compose-jar-'));
});
afterAll(() => (0, node_fs_1.rmSync)(jarDir, { recursive: true, force: true }));
async function ids(p, services) {
    const out = {};
    for (const s of services)
        out[s] = (await p.compose(['ps', '-a', '-q', s])).stdout.trim();
    return out;
}
async function imageOf(containerId) {
    return (await (0, support_1.sh)('docker', ['inspect', '-f', '{{.Image}}', containerId])).stdout.trim();
}
/** The README's add: POST /cart/items with a cookie jar; returns who served it. */
async function addCoffee(base, jar) {
    const add = await (0, support_1.curl)(['-c', jar, '-b', jar, '-X', 'POST', `${base}/cart/items`, '-H', 'content-type: application/json', '-d', '{"sku":"sku-coffee","qty":2}']);
    expect(add.status).toBe(201);
    const servedBy = (0, support_1.header)(add.headers, 'x-served-by');
    expect(REPLICAS).toContain(servedBy);
    return servedBy;
}
async function cart(base, jar) {
    const r = await (0, support_1.curl)(['-b', jar, `${base}/cart`]);
    expect(r.status).toBe(200);
    return JSON.parse(r.body);
}
d('README walk-through under Compose', () => {
    it('memory store: one image for every replica, a strategy switch recreates only nginx, the cart dies with its replica, nginx restarts regardless', async () => {
        const p = new support_1.Project(['docker-compose.yml']);
        try {
            await p.withLogs(async () => {
                await p.compose(['up', '--build', '-d', '--wait']);
                const before = await ids(p, ['nginx', ...REPLICAS]);
                const images = new Set(await Promise.all(REPLICAS.map((s) => imageOf(before[s]))));
                expect(images.size).toBe(1);
                // First strategy switch after `up --build`: nginx only.
                await p.compose(['up', '-d', '--wait'], { env: { LB_STRATEGY: 'round-robin' } });
                const after = await ids(p, ['nginx', ...REPLICAS]);
                expect(after.nginx).not.toBe(before.nginx);
                for (const s of REPLICAS)
                    expect({ s, id: after[s] }).toEqual({ s, id: before[s] });
                await p.compose(['up', '-d', '--wait']); // back to the default, ip-hash
                let base = `http://127.0.0.1:${await p.port()}`;
                await (0, support_1.untilServing)(base);
                const jar = (0, node_path_1.join)(jarDir, 'memory');
                const servedBy = await addCoffee(base, jar);
                expect((await cart(base, jar)).items).toHaveLength(1);
                await p.compose(['stop', servedBy]);
                const gone = await cart(base, jar);
                expect(gone.served_by).not.toBe(servedBy);
                expect(gone.items).toEqual([]);
                // nginx restarted while a replica's name does not resolve: it must come back.
                await p.compose(['restart', 'nginx']);
                // A restarted container gets a new ephemeral host port: ask again.
                base = `http://127.0.0.1:${await p.port()}`;
                await (0, support_1.untilServing)(base, 30_000);
                const logs = (await p.compose(['logs', 'nginx'])).stdout + (await p.compose(['logs', 'nginx'])).stderr;
                expect(logs).not.toMatch(/host not found in upstream/);
                expect((await cart(base, jar)).served_by).not.toBe(servedBy);
                // …and takes the replica back once it runs again, without a reload. From
                // the host every request has one address, and where ip_hash sends it among
                // re-resolved servers depends on their order; so take the other replicas
                // away: only a balancer that knows the returned replica's address can answer.
                await p.compose(['start', servedBy]);
                await p.compose(['stop', ...REPLICAS.filter((r) => r !== servedBy)]);
                await (0, wait_1.waitFor)(`${servedBy} to serve again through the restarted nginx`, async () => {
                    return (0, support_1.header)((await (0, support_1.curl)([`${base}/`])).headers, 'x-served-by') === servedBy;
                }, { timeoutMs: 60_000, intervalMs: 500 });
            });
        }
        finally {
            await p.down();
        }
        expect(await p.containers()).toEqual([]);
        expect(await p.networks()).toEqual([]);
    });
    it('redis store: the cart survives the replica that served it; `down -v` removes the store too', async () => {
        const p = new support_1.Project(['docker-compose.yml', 'docker-compose.redis.yml']);
        try {
            await p.compose(['up', '--build', '-d', '--wait']);
            const base = `http://127.0.0.1:${await p.port()}`;
            await (0, support_1.untilServing)(base);
            const jar = (0, node_path_1.join)(jarDir, 'redis');
            const servedBy = await addCoffee(base, jar);
            await p.compose(['stop', servedBy]);
            const kept = await cart(base, jar);
            expect(kept.served_by).not.toBe(servedBy);
            expect(kept.items).toHaveLength(1);
        }
        finally {
            await p.compose(['down', '-v'], { allowFail: true });
        }
        expect(await p.containers()).toEqual([]);
        expect(await p.networks()).toEqual([]);
    });
});
//# sourceMappingURL=walkthrough.docker.js.map