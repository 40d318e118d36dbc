"use strict";
var __addDisposableResource = (this && this.__addDisposableResource) || function (env, value, async) {
    if (value !== null && value !== void 0) {
        if (typeof value !== "object" && typeof value !== "function") throw new TypeError("Object expected.");
        var dispose, inner;
        if (async) {
            if (!Symbol.asyncDispose) throw new TypeError("Symbol.asyncDispose is not defined.");
            dispose = value[Symbol.asyncDispose];
        }
        if (dispose === void 0) {
            if (!Symbol.dispose) throw new TypeError("Symbol.dispose is not defined.");
            dispose = value[Symbol.dispose];
            if (async) inner = dispose;
        }
        if (typeof dispose !== "function") throw new TypeError("Object not disposable.");
        if (inner) dispose = function() { try { inner.call(this); } catch (e) { return Promise.reject(e); } };
        env.stack.push({ value: value, dispose: dispose, async: async });
    }
    else if (async) {
        env.stack.push({ async: true });
    }
    return value;
};
var __disposeResources = (this && this.__disposeResources) || (function (SuppressedError) {
    return function (env) {
        function fail(e) {
            env.error = env.hasError ? new SuppressedError(e, env.error, "An error was suppressed during disposal.") : e;
            env.hasError = true;
        }
        var r, s = 0;
        function next() {
            while (r = env.stack.pop()) {
                try {
                    if (!r.async && s === 1) return s = 0, env.stack.push(r), Promise.resolve().then(next);
                    if (r.dispose) {
                        var result = r.dispose.call(r.value);
                        if (r.async) return s |= 2, Promise.resolve(result).then(next, function(e) { fail(e); return next(); });
                    }
                    else s |= 1;
                }
                catch (e) {
                    fail(e);
                }
            }
            if (s === 1) return env.hasError ? Promise.reject(env.error) : Promise.resolve();
            if (env.hasError) throw env.error;
        }
        return next();
    };
})(typeof SuppressedError === "function" ? SuppressedError : function (error, suppressed, message) {
    var e = new Error(message);
    return e.name = "SuppressedError", e.error = error, e.suppressed = suppressed, e;
});
Object.defineProperty(exports, "__esModule", { value: true });
// The topology's own promises: a shared Redis store keeps carts across a
// replica kill (and loses them on a Redis restart), and teardown — explicit,
// `await using`, or a crashed process — leaves no process or directory behind.
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const client_1 = require("../../apps/lab/src/client");
const reaper_1 = require("../../apps/lab/src/util/reaper");
const wait_1 = require("../../apps/lab/src/util/wait");
const topology_1 = require("../../apps/lab/src/topology");
const topology_2 = require("../support/topology");
const topology_traffic_1 = require("../support/topology-traffic");
const lab_cli_1 = require("../support/lab-cli");
jest.setTimeout(120_000);
function livePids(topo) {
    return topo.pids().filter((p) => !!p).flatMap(reaper_1.processTree);
}
(0, topology_2.describeTopology)('redis store on the process driver', 'redis', () => {
    it('a cart survives the kill of the replica that wrote it, and is gone after a Redis restart', () => (0, topology_2.withTopology)({ driver: 'process', strategy: 'round-robin', store: 'redis' }, async (topo) => {
        const c = new client_1.LabClient({ name: 'shopper', baseUrl: topo.url });
        try {
            const add = await c.addItem((await c.products()).body[0].sku, 2);
            expect(add.ok).toBe(true);
            await topo.kill(add.servedBy);
            const after = await (0, topology_traffic_1.many)(c, 4);
            expect(after.every((r) => r.ok)).toBe(true);
            expect((0, topology_traffic_1.replicasOf)(after)).not.toContain(add.servedBy);
            expect((0, client_1.ackedItemsLost)(c.history).lost).toEqual([]);
            expect((await topo.status()).redis?.state).toBe('running');
            await topo.redisRestart();
            await (0, wait_1.waitFor)('the replicas to reconnect to Redis', async () => (await c.getCart()).ok, { timeoutMs: 20_000, intervalMs: 200 });
            // No persistence: the session, and the cart in it, are gone; the checker says so.
            expect((0, client_1.ackedItemsLost)(c.history).lost).toEqual([expect.objectContaining({ client: 'shopper', expectedQty: 2, seenQty: 0 })]);
        }
        finally {
            c.close();
        }
    }));
});
(0, topology_2.describeTopology)('teardown of the process driver', 'memory', () => {
    it('down() (via `await using`) kills every process, removes the run dir, and is idempotent', async () => {
        let topo;
        let pids = [];
        {
            const env_1 = { stack: [], error: void 0, hasError: false };
            try {
                const t = __addDisposableResource(env_1, await (0, topology_1.createTopology)({ driver: 'process', strategy: 'round-robin', store: 'memory', replicas: 1 }), true);
                expect(t).toBeInstanceOf(topology_1.ProcessTopology);
                topo = t;
                pids = livePids(topo);
                // app1, the nginx master and its worker.
                expect(pids.length).toBeGreaterThanOrEqual(3);
                expect((0, node_fs_1.existsSync)((0, node_path_1.join)(topo.runDir, 'app1.log'))).toBe(true);
            }
            catch (e_1) {
                env_1.error = e_1;
                env_1.hasError = true;
            }
            finally {
                const result_1 = __disposeResources(env_1);
                if (result_1)
                    await result_1;
            }
        }
        expect(pids.filter(lab_cli_1.alive)).toEqual([]);
        expect((0, node_fs_1.existsSync)(topo.runDir)).toBe(false);
        await expect(topo.down()).resolves.toBeUndefined();
    });
    // The child prints its pids, then either exits (a crashed test) or waits for a SIGTERM nobody handles.
    it.each(['exit', 'SIGTERM'])('a process that ends by %s without down() still takes its whole topology with it', async (how) => {
        const entry = (0, node_path_1.join)(__dirname, '../../dist/apps/lab/topology/index.js');
        if (!(0, node_fs_1.existsSync)(entry))
            throw new Error(`${entry} is missing: run npm run build first`);
        const script = `require(${JSON.stringify(entry)}).createTopology({ driver: 'process', strategy: 'ip-hash', store: 'redis', replicas: 1 })
      .then((t) => { console.log(JSON.stringify({ pids: t.pids(), runDir: t.runDir })); if (process.argv[1] === 'exit') process.exit(3); setInterval(() => {}, 1000); })
      .catch((e) => { console.error(e); process.exit(4); });`;
        const child = (0, node_child_process_1.spawn)(process.execPath, ['-e', script, how], { env: { ...process.env, LAB_KEEP_RUN_DIR: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d.toString()));
        child.stderr.on('data', (d) => (err += d.toString()));
        const exited = new Promise((r) => child.once('exit', (code, sig) => r(code ?? sig)));
        try {
            await (0, wait_1.waitFor)(`the child lab to come up (${err})`, () => out.includes('\n'), { timeoutMs: 60_000, intervalMs: 100 });
            if (how === 'SIGTERM')
                child.kill('SIGTERM');
            expect(await exited).toBe(how === 'exit' ? 3 : 'SIGTERM');
        }
        finally {
            child.kill('SIGKILL');
        }
        const { pids, runDir } = JSON.parse(out);
        // app1, nginx master, redis-server (nginx's worker is found and killed through /proc).
        expect(pids.filter(Boolean)).toHaveLength(3);
        await (0, wait_1.waitFor)('every pid of the dead lab to be gone', () => pids.filter(Boolean).every((p) => !(0, lab_cli_1.alive)(p)), { timeoutMs: 5_000 });
        expect((0, node_fs_1.existsSync)(runDir)).toBe(false);
    });
});
//# sourceMappingURL=topology-lifecycle.test.js.map