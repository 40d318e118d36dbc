"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// `up --redis-persistence none|aof` through the BUILT CLI: the refusals
// (exit 2, naming the rule) need no topology; the round trip starts a
// detached lab with AOF, reads the choice back from `status` (text and
// --json), and shows what it buys: a cart added through nginx is still there
// after `lab redis restart`.
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const client_1 = require("../../apps/lab/src/client");
const find_binary_1 = require("../../apps/lab/src/util/find-binary");
const wait_1 = require("../../apps/lab/src/util/wait");
const lab_cli_1 = require("../support/lab-cli");
const skip_1 = require("../support/skip");
jest.setTimeout(300_000);
beforeAll(lab_cli_1.ensureBuilt);
describe('up --redis-persistence refusals', () => {
    let dir;
    beforeEach(() => (dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'lab-aof-err-'))));
    afterEach(() => (0, node_fs_1.rmSync)(dir, { recursive: true, force: true }));
    it('exits 2 naming the rule when the store is not redis, and on an unknown mode', async () => {
        for (const args of [['--redis-persistence', 'aof'], ['--store', 'memory', '--redis-persistence', 'none']]) {
            const run = await (0, lab_cli_1.lab)(dir, ['up', ...args], 60_000);
            expect(run.code).toBe(2);
            expect(run.stderr).toMatch(/^lab up: --redis-persistence needs --store redis/);
        }
        const bad = await (0, lab_cli_1.lab)(dir, ['up', '--store', 'redis', '--redis-persistence', 'rdb'], 60_000);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toMatch(/^lab up: --redis-persistence must be one of none, aof \(got "rdb"\)/);
        const json = await (0, lab_cli_1.lab)(dir, ['up', '--redis-persistence', 'aof', '--json'], 60_000);
        expect(json.code).toBe(2);
        expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, exit_code: 2, error: expect.stringMatching(/needs --store redis/) });
        expect((0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'state.json'))).toBe(false);
    });
});
const missing = ['nginx', 'redis-server'].filter((b) => !(0, find_binary_1.findBinary)(b));
if (missing.length)
    (0, skip_1.noteSkip)(`up --redis-persistence round trip: ${missing.join(' and ')} not installed`);
(missing.length ? describe.skip : describe)('up --redis-persistence round trip', () => {
    let dir;
    beforeEach(() => (dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'lab-aof-'))));
    afterEach(async () => {
        if ((0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'state.json')))
            await (0, lab_cli_1.lab)(dir, ['down'], 120_000);
        (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
    });
    it('aof is shown in status and a cart survives `lab redis restart`', async () => {
        const up = await (0, lab_cli_1.lab)(dir, ['up', '--detach', '--port', '0', '--dashboard-port', '0', '--replicas', '2', '--store', 'redis', '--redis-persistence', 'aof']);
        expect(up.code).toBe(0);
        expect(up.stdout).toMatch(/redis\s+redis:\/\/127\.0\.0\.1:\d+ \(running\), AOF persistence: a restart keeps the carts/);
        const status = JSON.parse((await (0, lab_cli_1.lab)(dir, ['status', '--json'])).stdout);
        expect(status.redis).toMatchObject({ state: 'running', persistence: 'aof' });
        const text = await (0, lab_cli_1.lab)(dir, ['status']);
        expect(text.stdout).toMatch(/AOF persistence/);
        const client = new client_1.LabClient({ name: 'shopper', baseUrl: status.url, sourceAddress: (0, client_1.userAddress)(7) });
        try {
            expect((await client.addItem('sku-coffee', 2)).status).toBe(201);
            const restart = await (0, lab_cli_1.lab)(dir, ['redis', 'restart']);
            expect(restart).toMatchObject({ code: 0, stdout: 'redis restarted: AOF persistence kept every session\n' });
            // the replicas reconnect by themselves; bounded poll until a read is answered
            const cart = await (0, wait_1.waitFor)('a cart read after the restart', async () => {
                const reply = await client.getCart();
                return reply.ok ? reply : null;
            }, { timeoutMs: 15_000, intervalMs: 200 });
            expect(cart.body?.items).toEqual([expect.objectContaining({ sku: 'sku-coffee', qty: 2 })]);
        }
        finally {
            client.close();
        }
        expect((await (0, lab_cli_1.lab)(dir, ['down'])).code).toBe(0);
    });
    it('none is the default and says a restart empties Redis', async () => {
        const up = await (0, lab_cli_1.lab)(dir, ['up', '--detach', '--json', '--port', '0', '--dashboard-port', '0', '--replicas', '1', '--store', 'redis']);
        expect(up.code).toBe(0);
        expect(JSON.parse(up.stdout).redis).toMatchObject({ persistence: 'none' });
        expect((await (0, lab_cli_1.lab)(dir, ['status'])).stdout).toMatch(/no persistence: a restart empties it/);
        expect((await (0, lab_cli_1.lab)(dir, ['redis', 'restart'])).stdout).toBe('redis restarted: every session it held is gone\n');
        expect((await (0, lab_cli_1.lab)(dir, ['down'])).code).toBe(0);
    });
});
//# sourceMappingURL=cli-redis-persistence.test.js.map