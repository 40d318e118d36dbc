"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// NginxProcess: nginx -t before start and reload, generation-confirmed
// reloads, nothing left behind by stop/kill, and the JSON access log.
const node_fs_1 = require("node:fs");
const node_net_1 = require("node:net");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const nginx_1 = require("../../apps/lab/src/nginx");
const nginx_lab_1 = require("../support/nginx/nginx-lab");
const process_1 = require("../../apps/lab/src/nginx/process");
const wait_1 = require("../../apps/lab/src/util/wait");
jest.setTimeout(60_000);
/** True while any process of the group led by `pid` exists. */
function groupAlive(pid) {
    try {
        process.kill(-pid, 0);
        return true;
    }
    catch {
        return false;
    }
}
describe('NginxProcess', () => {
    let lab;
    beforeEach(async () => {
        lab = await nginx_lab_1.NginxLab.start({ strategy: 'round-robin' });
    });
    afterEach(async () => {
        await lab?.close();
    });
    it('confirms a reload by the generation nginx answers', () => lab.check(async () => {
        expect(await (0, nginx_1.fetchGeneration)(lab.nginx.listen)).toBe('1');
        await lab.reconfigure({ down: ['app1'] });
        expect(await (0, nginx_1.fetchGeneration)(lab.nginx.listen)).toBe('2');
        expect(await lab.many(10)).toEqual({ app2: 5, app3: 5 });
    }));
    it('refuses a bad config on reload and keeps serving the old one', () => lab.check(async () => {
        (0, node_fs_1.writeFileSync)((0, nginx_1.runPaths)(lab.runDir).strategyConf, 'upstream broken { no_such_directive; }\n');
        await expect(lab.nginx.reload(undefined, 2)).rejects.toThrow(/nginx -t failed[\s\S]*no_such_directive/);
        expect(await (0, nginx_1.fetchGeneration)(lab.nginx.listen)).toBe('1');
        expect((await lab.get('/')).status).toBe(200);
    }));
    it('stop() leaves no master or worker behind and frees the port', () => lab.check(async () => {
        const pid = lab.nginx.pid;
        expect(groupAlive(pid)).toBe(true);
        await lab.nginx.stop();
        expect(groupAlive(pid)).toBe(false);
        expect(await (0, nginx_1.fetchGeneration)(lab.nginx.listen)).toBeNull();
    }));
    it('kill() takes the workers down with the master', () => lab.check(async () => {
        const pid = lab.nginx.pid;
        await lab.nginx.kill();
        expect(groupAlive(pid)).toBe(false);
        expect(lab.nginx.running).toBe(false);
    }));
    it('logs one JSON line per proxied request, with client, replica and cookies', () => lab.check(async () => {
        await lab.get('/cart', { from: '127.0.4.2', headers: { Cookie: 'sid=s%3Aabc; route=app9' } });
        const entries = await (0, wait_1.waitFor)('the access log line', async () => {
            const all = await (0, nginx_1.readAccessLog)(lab.runDir);
            return all.length ? all : null;
        });
        expect(entries.at(-1)).toMatchObject({
            remote_addr: '127.0.4.2',
            request: 'GET /cart HTTP/1.1',
            status: 200,
            served_by: expect.stringMatching(/^app[123]$/),
            upstream_addr: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
            sid_fp: '',
            cookie_route: 'app9',
        });
    }));
});
/** Pids whose command line mentions `text` (Linux /proc; empty elsewhere). */
function processesMentioning(text) {
    let pids = [];
    try {
        pids = (0, node_fs_1.readdirSync)('/proc').filter((p) => /^\d+$/.test(p));
    }
    catch {
        return [];
    }
    return pids.map(Number).filter((pid) => {
        try {
            return (0, node_fs_1.readFileSync)(`/proc/${pid}/cmdline`, 'utf8').includes(text);
        }
        catch {
            return false;
        }
    });
}
describe('NginxProcess.start', () => {
    let runDir;
    beforeEach(() => {
        runDir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'lab-nginx-start-'));
    });
    afterEach(() => (0, node_fs_1.rmSync)(runDir, { recursive: true, force: true }));
    it("throws a port-in-use error carrying nginx's own message when the port is taken, and leaves nothing running", async () => {
        const blocker = (0, node_net_1.createServer)();
        await new Promise((r) => blocker.listen(0, '127.0.0.1', () => r()));
        const port = blocker.address().port;
        try {
            const r = await (0, nginx_1.renderNginx)({
                strategy: 'round-robin',
                replicas: [{ name: 'app1', host: '127.0.0.1', port: 1 }],
                listen: { host: '127.0.0.1', port },
                runDir,
                generation: 1,
            });
            const started = process_1.NginxProcess.start({ runDir, confPath: r.confPath, startTimeoutMs: 20_000 });
            await expect(started).rejects.toThrow(process_1.NginxPortInUseError);
            await expect(started).rejects.toThrow(/port is in use[\s\S]*Address already in use/);
            expect(processesMentioning(runDir)).toEqual([]);
        }
        finally {
            blocker.close();
        }
    });
});
//# sourceMappingURL=nginx-process.test.js.map