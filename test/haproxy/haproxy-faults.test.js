"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// What a failing HAProxy or a failing replica gives: a start that cannot bind
// says why, a timeout is a JSON 504, the runtime API of a stopped instance
// rejects instead of hanging, and idle server connections are closed before
// Node's 5 s keepAliveTimeout could close them under HAProxy.
const node_http_1 = require("node:http");
const haproxy_1 = require("../../apps/lab/src/haproxy");
const wait_1 = require("../../apps/lab/src/util/wait");
const haproxy_lab_1 = require("./support/haproxy-lab");
const requires_1 = require("./support/requires");
const describeHaproxy = (0, requires_1.describeIfInstalled)(__filename);
jest.setTimeout(60_000);
describeHaproxy('haproxy faults', () => {
    let lab;
    afterEach(async () => {
        await lab?.close();
        lab = undefined;
    });
    it('refuses to start on a port that is taken, with HAProxy\'s reason', async () => {
        lab = await haproxy_lab_1.HaproxyLab.start({ strategy: 'round-robin' });
        const port = lab.haproxy.listen.port;
        // Before `noreuseport` and the own-socket check, this second instance
        // "started": it shared the port, and the first one answered its probe.
        const second = haproxy_lab_1.HaproxyLab.start({ strategy: 'round-robin', port }).then(async (l) => {
            await l.close();
            return l;
        });
        await expect(second).rejects.toThrow(/haproxy exited.*(Address already in use|cannot bind)/is);
    });
    it('refuses a reload to a config haproxy -c rejects, and keeps serving the old one', async () => {
        lab = await haproxy_lab_1.HaproxyLab.start({ strategy: 'stick-table' });
        const l = lab;
        await l.check(async () => {
            // Well-formed for the generator, out of range for HAProxy (≤ ~24.8 days).
            await (0, haproxy_1.renderHaproxy)({ strategy: 'stick-table', serverTimeout: '99999999999d', replicas: l.backends.replicas(), listen: l.haproxy.listen, runDir: l.runDir, generation: 2 });
            await expect(l.haproxy.reload()).rejects.toThrow(/haproxy -c failed[^]*timer overflow/);
            expect(l.haproxy.running).toBe(true);
            expect((await l.get('/__lab/generation')).body).toBe('1');
            expect((await l.get('/')).status).toBe(200);
        });
    });
    it('answers a JSON 504 when the replica does not answer in time', async () => {
        lab = await haproxy_lab_1.HaproxyLab.start({ strategy: 'round-robin', serverTimeout: '500ms' });
        const l = lab;
        await l.check(async () => {
            const r = await l.get('/slow?hold=2000');
            expect(r.status).toBe(504);
            expect(r.contentType).toBe('application/json');
            expect(JSON.parse(r.body)).toMatchObject({ statusCode: 504, error: 'gateway_timeout' });
        });
    });
    it('rejects runtime API commands once haproxy is gone, and reports it not running', async () => {
        lab = await haproxy_lab_1.HaproxyLab.start({ strategy: 'round-robin' });
        await lab.haproxy.kill();
        expect(lab.haproxy.running).toBe(false);
        await expect(lab.api.servers()).rejects.toThrow(/ECONNREFUSED|ENOENT/);
    });
    it('closes idle server connections well before 5 s', async () => {
        lab = await haproxy_lab_1.HaproxyLab.start({ strategy: 'round-robin' });
        const l = lab;
        await l.check(async () => {
            // A keep-alive client: its follow-up requests reuse server connections.
            const agent = new node_http_1.Agent({ keepAlive: true, maxSockets: 1 });
            const get = () => new Promise((resolve, reject) => {
                (0, node_http_1.request)(`${l.url}/`, { agent }, (res) => res.resume().on('end', resolve)).on('error', reject).end();
            });
            for (let i = 0; i < 9; i++)
                await get();
            agent.destroy();
            const open = () => l.backends.names().reduce((n, b) => n + l.backends.openConnections(b), 0);
            const idleSince = Date.now();
            // Health checks open and close their own connections: wait for none at all.
            await (0, wait_1.waitFor)('HAProxy to close its idle server connections', () => open() === 0, { timeoutMs: 4_500, intervalMs: 50 });
            // Measured ~1 s with pool-purge-delay 250ms (6 s with 1s rounds).
            expect(Date.now() - idleSince).toBeLessThan(4_500);
        });
    });
});
//# sourceMappingURL=haproxy-faults.test.js.map