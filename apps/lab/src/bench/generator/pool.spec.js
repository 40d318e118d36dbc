"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The bench side of the generator: a generator process that dies or refuses a
// job must fail the slice with a clear error, never hang the bench.
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const pool_1 = require("./pool");
const unpinned = { pinned: false, servers: null, generator: null, generatorProcesses: 1, reason: 'test' };
const job = { url: 'http://127.0.0.1:1', steps: [{ method: 'GET', path: '/' }], users: [{ address: '127.77.1.1', cookie: '' }], durationS: 0.1, inspectCart: false };
describe('generator pool', () => {
    let dir;
    const generators = [];
    beforeAll(() => {
        dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'bench-pool-'));
    });
    afterAll(async () => {
        await Promise.all(generators.map((g) => g.stop()));
        (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
    });
    function start(name, source) {
        const script = (0, node_path_1.join)(dir, name);
        (0, node_fs_1.writeFileSync)(script, source);
        const g = pool_1.Generator.start(script, unpinned);
        generators.push(g);
        return g;
    }
    it('fails the slice when the generator process dies during it', async () => {
        const g = start('dies.js', "process.on('message', () => process.exit(3));");
        await expect(g.run(job)).rejects.toThrow(/generator process \d+ exited \(3\)/);
        // and every later slice fails at once instead of waiting
        await expect(g.run(job)).rejects.toThrow(/exited/);
    });
    it('passes on the reason a generator refused a job', async () => {
        const g = start('refuses.js', "process.on('message', (j) => process.send({ type: 'failed', id: j.id, message: 'bad generator job: nope' }));");
        await expect(g.run(job)).rejects.toThrow('generator: bad generator job: nope');
    });
    it('deals users out to several processes and puts their answers back in user order', async () => {
        const echo = `process.on('message', (j) => process.send({ type: 'done', result: {
      id: j.id, completed: j.users.length, errors: { x: 1 }, latenciesMs: new Float64Array(j.users.length), wallS: 0.1, cpuUs: 5, waitUs: 1,
      users: j.users, tallies: j.users.map((u) => ({ reads: Number(u.address.split('.')[2]), kept: 0 })) } }));`;
        const script = (0, node_path_1.join)(dir, 'echo.js');
        (0, node_fs_1.writeFileSync)(script, echo);
        const g = pool_1.Generator.start(script, { ...unpinned, generatorProcesses: 2 });
        generators.push(g);
        const users = [1, 2, 3].map((i) => ({ address: `127.77.${i}.1`, cookie: `c${i}` }));
        const r = await g.run({ ...job, users });
        expect(r.users).toEqual(users);
        expect(r.tallies.map((t) => t.reads)).toEqual([1, 2, 3]);
        expect([r.completed, r.errors, r.cpuUs, r.latenciesMs.length]).toEqual([3, { x: 2 }, 10, 3]);
    });
});
//# sourceMappingURL=pool.spec.js.map