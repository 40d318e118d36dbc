"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The other compose profiles, as the docs run them: scale-out to app4 (and
// its `down`), client containers in three /24 networks, `pause` (the cgroup
// freezer) and `restart`, Redis with an append-only file, and the sweep of
// a crashed run's leftovers by project label.
const node_child_process_1 = require("node:child_process");
const support_1 = require("./support");
const d = (0, support_1.describeDocker)('profiles.docker');
jest.setTimeout(15 * 60_000);
const SCALE = ['docker-compose.yml', 'docker-compose.scale.yml'];
async function serve(p, env = {}, args = []) {
    await p.compose([...args, 'up', '--build', '-d', '--wait'], { env });
    const base = `http://127.0.0.1:${await p.port()}`;
    await (0, support_1.untilServing)(base);
    return base;
}
async function by(base, cookie) {
    const r = await (0, support_1.curl)([...(cookie ? ['-H', `cookie: ${cookie}`] : []), `${base}/`]);
    return { by: (0, support_1.header)(r.headers, 'x-served-by') ?? 'none', setCookie: (0, support_1.header)(r.headers, 'set-cookie') };
}
d('compose profiles', () => {
    beforeAll(() => (0, support_1.sweepLeftovers)());
    it('scale: app4 joins, pinned clients stay, new ones reach app4; `--profile scale down` leaves nothing', async () => {
        const p = new support_1.Project(['docker-compose.yml'], { LB_STRATEGY: 'sticky-cookie' });
        try {
            let base = await serve(p);
            const pins = [];
            for (let i = 0; i < 6; i++)
                pins.push(/^route=([^;]+)/.exec((await by(base)).setCookie ?? '')[1]);
            expect(new Set(pins)).toEqual(new Set(['app1', 'app2', 'app3']));
            const scaled = new support_1.Project(SCALE, { LB_STRATEGY: 'sticky-cookie' }, p.name);
            base = await serve(scaled, {}, ['--profile', 'scale']);
            // Existing pins do not move; round robin for new clients now includes app4.
            for (const pin of pins)
                expect((await by(base, `route=${pin}`)).by).toBe(pin);
            const fresh = new Set();
            for (let i = 0; i < 8; i++)
                fresh.add((await by(base)).by);
            expect(fresh).toEqual(new Set(['app1', 'app2', 'app3', 'app4']));
            await scaled.compose(['--profile', 'scale', 'down']);
            expect(await p.containers()).toEqual([]);
            expect(await p.networks()).toEqual([]);
        }
        finally {
            await p.down(['--profile', 'scale']);
        }
    });
    it('clients: three client containers in three /24s are three client addresses to the replicas', async () => {
        const p = new support_1.Project(['docker-compose.yml', 'docker-compose.clients.yml'], { LAB_CLIENTS_PREFIX: '10.231' });
        try {
            await serve(p);
            const seen = {};
            for (const c of ['client-a', 'client-b', 'client-c']) {
                const r = await p.compose(['run', '--rm', '-T', c, '-s', 'http://nginx/']);
                seen[c] = JSON.parse(r.stdout).client_ip;
            }
            expect(seen['client-a']).toMatch(/^10\.231\.1\.\d+$/);
            expect(seen['client-b']).toMatch(/^10\.231\.2\.\d+$/);
            expect(seen['client-c']).toMatch(/^10\.231\.3\.\d+$/);
        }
        finally {
            await p.down();
        }
        expect(await p.containers()).toEqual([]);
    });
    it('pause freezes a replica in its cgroup (not SIGSTOP) and nginx serves around it; restart empties its memory store', async () => {
        const p = new support_1.Project(['docker-compose.yml'], { LB_STRATEGY: 'round-robin' });
        try {
            const base = await serve(p);
            await p.compose(['pause', 'app2']);
            const id = (await p.compose(['ps', '-a', '-q', 'app2'])).stdout.trim();
            const state = (await (0, support_1.sh)('docker', ['inspect', '-f', '{{.State.Status}} {{.State.Paused}} {{.State.Pid}}', id])).stdout.trim().split(' ');
            expect(state.slice(0, 2)).toEqual(['paused', 'true']);
            // The freezer: the task is frozen, its scheduler state is not "T (stopped)".
            const procState = /^State:\s+(\S)/m.exec((0, node_child_process_1.execFileSync)('cat', [`/proc/${state[2]}/status`]).toString())?.[1];
            expect(procState).not.toBe('T');
            const answered = new Set();
            for (let i = 0; i < 4; i++)
                answered.add((await by(base)).by);
            expect(answered.has('app2')).toBe(false);
            expect(answered.size).toBeGreaterThan(0);
            await p.compose(['unpause', 'app2']);
            // A cart on app1, then `restart app1`: the memory store starts empty.
            const jar = `${process.env.TMPDIR ?? '/tmp'}/${p.name}.jar`;
            let servedBy = '';
            for (let i = 0; i < 6 && servedBy !== 'app1'; i++) {
                const add = await (0, support_1.curl)(['-c', jar, '-b', jar, '-X', 'POST', `${base}/cart/items`, '-H', 'content-type: application/json', '-d', '{"sku":"sku-coffee","qty":1}']);
                servedBy = (0, support_1.header)(add.headers, 'x-served-by') ?? '';
            }
            expect(servedBy).toBe('app1');
            const port = await p.compose(['exec', '-T', 'app1', 'node', '-e', "fetch('http://127.0.0.1:8000/stats').then(r=>r.json()).then(j=>console.log(j.sessions))"]);
            expect(Number(port.stdout.trim())).toBeGreaterThan(0);
            await p.compose(['restart', 'app1']);
            await p.untilHealthy(['app1', 'app2']);
            const after = await p.compose(['exec', '-T', 'app1', 'node', '-e', "fetch('http://127.0.0.1:8000/stats').then(r=>r.json()).then(j=>console.log(j.sessions))"]);
            expect(Number(after.stdout.trim())).toBe(0);
        }
        finally {
            await p.down();
        }
    });
    it('redis with the append-only file keeps carts over a Redis restart; without it they are gone', async () => {
        for (const aof of [true, false]) {
            const files = ['docker-compose.yml', 'docker-compose.redis.yml', ...(aof ? ['docker-compose.redis-aof.yml'] : [])];
            const p = new support_1.Project(files);
            try {
                const base = await serve(p);
                const jar = `${process.env.TMPDIR ?? '/tmp'}/${p.name}.jar`;
                const add = await (0, support_1.curl)(['-c', jar, '-b', jar, '-X', 'POST', `${base}/cart/items`, '-H', 'content-type: application/json', '-d', '{"sku":"sku-coffee","qty":1}']);
                expect(add.status).toBe(201);
                await p.compose(['restart', 'redis']);
                await p.compose(['up', '-d', '--wait', '--no-recreate']);
                let items = -1;
                for (let i = 0; i < 40 && items < 0; i++) {
                    const r = await (0, support_1.curl)(['-b', jar, `${base}/cart`]);
                    if (r.status === 200)
                        items = JSON.parse(r.body).items.length;
                    else
                        await new Promise((res) => setTimeout(res, 250));
                }
                expect({ aof, items }).toEqual({ aof, items: aof ? 1 : 0 });
            }
            finally {
                await p.compose(['down', '-v'], { allowFail: true });
            }
            expect(await p.containers()).toEqual([]);
            expect((await (0, support_1.sh)('docker', ['volume', 'ls', '-q', '--filter', `label=com.docker.compose.project=${p.name}`])).stdout.trim()).toBe('');
        }
    });
    it('a crashed run leaves containers and networks; the next run removes them by project label', async () => {
        const dead = (0, node_child_process_1.spawnSync)(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
        const orphan = `${support_1.PREFIX}${dead}-crashed`;
        const files = ['docker-compose.yml', 'docker-compose.redis.yml'];
        const r = await (0, support_1.sh)('docker', ['compose', '-p', orphan, ...files.flatMap((f) => ['-f', f]), 'up', '-d', 'redis'], { ...new support_1.Project(files).env });
        expect(r.code).toBe(0);
        const label = `label=com.docker.compose.project=${orphan}`;
        expect((await (0, support_1.sh)('docker', ['ps', '-aq', '--filter', label])).stdout.trim()).not.toBe('');
        expect((0, support_1.sweepLeftovers)()).toContain(orphan);
        expect((await (0, support_1.sh)('docker', ['ps', '-aq', '--filter', label])).stdout.trim()).toBe('');
        expect((await (0, support_1.sh)('docker', ['network', 'ls', '-q', '--filter', label])).stdout.trim()).toBe('');
    });
});
//# sourceMappingURL=profiles.docker.js.map