"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// Drift checks: the compose files against the code they start. No Docker
// engine needed; each check names the file and the thing that drifted.
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const topology_1 = require("../../apps/lab/src/topology/topology");
const commands_1 = require("../../apps/lab/src/topology/drivers/compose/commands");
const support_1 = require("./support");
const FILES = ['docker-compose.yml', 'docker-compose.redis.yml', 'docker-compose.scale.yml', 'docker-compose.clients.yml'];
const base = (0, support_1.loadCompose)('docker-compose.yml');
const redis = (0, support_1.loadCompose)('docker-compose.redis.yml');
const scale = (0, support_1.loadCompose)('docker-compose.scale.yml');
const withRedis = (0, support_1.merge)(base, redis);
const pkg = JSON.parse((0, support_1.read)('package.json'));
const envsh = (0, support_1.read)('nginx/docker-entrypoint.d/19-lab-upstreams.envsh');
/** Apps started by a plain `docker compose up` (no profile). */
const defaultApps = (f) => (0, support_1.appServices)(f).filter((n) => !f.services[n].profiles?.length);
describe('strategies', () => {
    it.each(topology_1.STRATEGIES)('%s has a template the nginx entrypoint script can pick', (strategy) => {
        expect((0, node_fs_1.existsSync)((0, node_path_1.join)(support_1.ROOT, 'nginx/templates', `${strategy}.conf.template`))).toBe(true);
        // The script validates LB_STRATEGY against its own list: it must know every strategy.
        expect(envsh).toMatch(new RegExp(`(^|[\\s|])${strategy}([\\s|)])`, 'm'));
    });
    it('the native sticky variant the script switches to exists', () => {
        expect(envsh).toContain('sticky-cookie-native.conf.template');
        expect((0, node_fs_1.existsSync)((0, node_path_1.join)(support_1.ROOT, 'nginx/templates/sticky-cookie-native.conf.template'))).toBe(true);
    });
    it.each([
        ['docker-compose.yml', 'ip-hash'],
        ['docker-compose.redis.yml', 'round-robin'],
    ])('%s defaults LB_STRATEGY to %s, a valid strategy, and lets the environment override it', (file, expected) => {
        const raw = (0, support_1.envOf)((file === 'docker-compose.yml' ? base : withRedis).services.nginx).LB_STRATEGY;
        expect((0, support_1.interpolate)(raw)).toBe(expected);
        expect(topology_1.STRATEGIES).toContain((0, support_1.interpolate)(raw));
        expect((0, support_1.interpolate)(raw, { LB_STRATEGY: 'sticky-cookie' })).toBe('sticky-cookie');
    });
});
describe('replica environment', () => {
    const accepted = (0, support_1.acceptedEnvKeys)();
    it('the cart-api config is found and reads the variables the files rely on', () => {
        expect(accepted).toEqual(expect.arrayContaining(['PORT', 'APP_NAME', 'SESSION_STORE', 'SESSION_SECRET', 'REDIS_URL']));
    });
    it.each(FILES)('%s sets only variables the cart-api config accepts', (file) => {
        const f = (0, support_1.loadCompose)(file);
        for (const app of (0, support_1.appServices)(f)) {
            const unknown = Object.keys((0, support_1.envOf)(f.services[app])).filter((k) => !accepted.includes(k));
            expect({ app, unknown }).toEqual({ app, unknown: [] });
        }
    });
    it('every replica is named after its service and shares one session secret', () => {
        for (const f of [base, withRedis]) {
            const secrets = new Set((0, support_1.appServices)(f).map((a) => (0, support_1.envOf)(f.services[a]).SESSION_SECRET));
            expect(secrets.size).toBe(1);
            expect((0, support_1.interpolate)([...secrets][0] ?? '')).not.toBe('');
            for (const a of (0, support_1.appServices)(f))
                expect((0, support_1.envOf)(f.services[a]).APP_NAME).toBe(a);
        }
    });
    it('the base file keeps carts in memory, one image built once (by app1) from this checkout, init as PID 1', () => {
        for (const a of (0, support_1.appServices)(base)) {
            const s = base.services[a];
            expect((0, support_1.envOf)(s).SESSION_STORE).toBe('memory');
            expect(s.init).toBe(true);
            expect(s.image).toBe(`sticky-sessions-lab/cart-api:${pkg.version}`);
            // Several services building one tag give it several image ids: the next
            // `up` would recreate the replicas. Only app1 builds; the others use its tag.
            if (a === 'app1') {
                expect(s.build).toEqual({ context: '.', dockerfile: 'docker/cart-api.Dockerfile', args: ['NODE_IMAGE', 'NPM_OFFLINE'] });
            }
            else {
                expect(s.build).toBeUndefined();
            }
        }
    });
    it('the compose driver knows exactly the replicas the file defines', () => {
        expect((0, support_1.appServices)(base)).toEqual([...commands_1.DEFINED_REPLICAS]);
    });
});
describe('proxy trust and name resolution', () => {
    it('every replica trusts the private ranges nginx reaches it from, in a form the config accepts', () => {
        const { loadConfig } = require('../../apps/cart-api/src/config/config');
        for (const a of (0, support_1.appServices)(base)) {
            const value = (0, support_1.envOf)(base.services[a]).TRUST_PROXY;
            expect(value).toBeDefined();
            const trusted = loadConfig({ ...(0, support_1.envOf)(base.services[a]), SESSION_SECRET: 'x'.repeat(32) }).trustProxy;
            // Compose networks are 172.16/12 or 10/8 (the clients override): express' `uniquelocal`.
            expect(trusted).toContain('uniquelocal');
        }
    });
    it('nginx gets Docker\'s resolver; the upstream script adds zone + resolve for names that do not resolve now', () => {
        expect((0, support_1.interpolate)((0, support_1.envOf)(base.services.nginx).LAB_RESOLVER)).toBe('127.0.0.11');
        const out = (0, node_child_process_1.execFileSync)('sh', ['-c', '. ./nginx/docker-entrypoint.d/19-lab-upstreams.envsh; printf "%s" "$LAB_SERVERS"'], {
            cwd: support_1.ROOT,
            env: { PATH: process.env.PATH, LAB_STAGE_DIR: '', LB_STRATEGY: 'ip-hash', LAB_RESOLVER: '127.0.0.11', LAB_REPLICAS: 'app1=app1.invalid:8000 app2=172.18.0.3:8000 app3=localhost:8000' },
        }).toString();
        expect(out).toMatch(/^\s*zone lab_servers 64k;\n\s*resolver 127\.0\.0\.11 valid=1s ipv6=off;\n/);
        expect(out).toMatch(/server app1\.invalid:8000 max_fails=1 fail_timeout=2s resolve;/);
        // A name that resolves now is resolved once, as without a resolver.
        expect(out).toMatch(/server localhost:8000 max_fails=1 fail_timeout=2s;/);
        // An address needs no resolving (the compose driver's re-renders).
        expect(out).toMatch(/server 172\.18\.0\.3:8000 max_fails=1 fail_timeout=2s;/);
    });
});
describe('redis override', () => {
    it('switches every replica to the redis store at the redis service, started first', () => {
        const port = /--port\s+(\d+)/.exec(JSON.stringify(redis.services.redis.command))?.[1] ?? '6379';
        for (const a of (0, support_1.appServices)(base)) {
            const s = withRedis.services[a];
            expect((0, support_1.envOf)(s).SESSION_STORE).toBe('redis');
            const url = new URL((0, support_1.envOf)(s).REDIS_URL);
            expect([url.protocol, url.hostname, url.port]).toEqual(['redis:', 'redis', port]);
            expect(s.depends_on).toMatchObject({ redis: { condition: 'service_healthy' } });
        }
    });
    it('the AOF override keeps the store in an append-only file on a named volume', () => {
        const aof = (0, support_1.loadCompose)('docker-compose.redis-aof.yml');
        const r = (0, support_1.merge)(withRedis, aof).services.redis;
        expect(r.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
        const [vol, target] = (r.volumes ?? [])[0].split(':');
        expect(Object.keys(aof.volumes)).toContain(vol);
        expect(r.command).toEqual(expect.arrayContaining(['--dir', target]));
    });
    it('runs redis without persistence, health-checked with PING', () => {
        const r = withRedis.services.redis;
        expect(r.command).toEqual(['redis-server', '--save', '', '--appendonly', 'no']);
        expect(r.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
    });
});
describe('images', () => {
    const all = FILES.flatMap((file) => Object.entries((0, support_1.loadCompose)(file).services).map(([name, s]) => ({ file, name, s })));
    const pulled = all.filter((x) => x.s.image && !/^sticky-sessions-lab\//.test(x.s.image));
    it.each(pulled.map((x) => [x.file, x.name, x.s.image]))('%s: %s uses an image that is a parameter defaulting to one pinned to an exact version (%s)', (_file, name, image) => {
        const variable = name === 'redis' ? 'REDIS_IMAGE' : 'NGINX_IMAGE';
        expect(image).toMatch(new RegExp(`^\\$\\{${variable}:-[^}]+\\}$`));
        expect((0, support_1.interpolate)(image)).toMatch(support_1.PINNED_IMAGE);
        expect((0, support_1.interpolate)(image)).not.toMatch(/:latest\b/);
        expect((0, support_1.interpolate)(image, { [variable]: 'sticky-lab-offline/x:sid-1' })).toBe('sticky-lab-offline/x:sid-1');
    });
    it('every service has an image or a build', () => {
        for (const [name, s] of Object.entries(withRedis.services))
            expect({ name, ok: !!(s.image || s.build) }).toEqual({ name, ok: true });
    });
    it('nginx is official and at least 1.29.6 (open-source `sticky` directive)', () => {
        const m = /^nginx:(\d+\.\d+\.\d+)/.exec((0, support_1.interpolate)(base.services.nginx.image ?? ''));
        expect(m).not.toBeNull();
        expect((0, support_1.atLeast)(m[1], '1.29.6')).toBe(true);
    });
    it('redis is the official image', () => {
        expect((0, support_1.interpolate)(redis.services.redis.image ?? '')).toMatch(/^redis:\d+\.\d+\.\d+/);
    });
    it('the client containers reuse the nginx image (no other image to pull or pin)', () => {
        const clients = (0, support_1.loadCompose)('docker-compose.clients.yml');
        for (const name of ['client-a', 'client-b', 'client-c'])
            expect(clients.services[name].image).toBe(base.services.nginx.image);
    });
});
describe('health checks', () => {
    const routes = (0, support_1.healthRoutes)();
    it('the cart-api has the health routes the files use', () => {
        expect(routes).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
    });
    it.each((0, support_1.appServices)(base))('%s checks a real cart-api route on the port it listens on', (app) => {
        const s = base.services[app];
        const url = (0, support_1.healthcheckUrl)(s);
        expect(url).not.toBeNull();
        expect(routes).toContain(url.pathname);
        expect(url.hostname).toBe('127.0.0.1');
        expect(url.port).toBe((0, support_1.envOf)(s).PORT);
        expect(s.expose.map(String)).toContain((0, support_1.envOf)(s).PORT);
    });
    it('nginx checks a location the lab config really serves', () => {
        const url = (0, support_1.healthcheckUrl)(base.services.nginx);
        expect(url).not.toBeNull();
        expect((0, support_1.read)('nginx/templates/snippets/server.conf.template')).toContain(`location = ${url.pathname}`);
    });
    it('nginx waits for the default replicas to be healthy, and the scale override for app4 too', () => {
        const want = Object.fromEntries(defaultApps(base).map((a) => [a, { condition: 'service_healthy' }]));
        expect(base.services.nginx.depends_on).toEqual(want);
        expect((0, support_1.merge)(base, scale).services.nginx.depends_on).toMatchObject({ app4: { condition: 'service_healthy' } });
    });
});
describe('client networks', () => {
    const clients = (0, support_1.loadCompose)('docker-compose.clients.yml');
    it('puts each client in its own /24, all reachable from nginx, which keeps its default network', () => {
        const subnets = Object.values(clients.networks).map((n) => (0, support_1.interpolate)(n.ipam.config[0].subnet));
        expect(subnets).toEqual(['10.231.1.0/24', '10.231.2.0/24', '10.231.3.0/24']);
        // ip_hash keys on the first three octets: the /24s must differ there.
        expect(new Set(subnets.map((s) => s.split('.').slice(0, 3).join('.'))).size).toBe(3);
        expect(clients.services.nginx.networks).toEqual(['default', ...Object.keys(clients.networks)]);
        for (const name of ['client-a', 'client-b', 'client-c']) {
            const s = clients.services[name];
            expect(s.networks.length).toBe(1);
            expect(Object.keys(clients.networks)).toContain(s.networks[0]);
            expect(s.profiles).toEqual(['clients']);
        }
    });
});
describe('nginx wiring', () => {
    const nginx = base.services.nginx;
    const volumes = (nginx.volumes ?? []).map((v) => v.split(':'));
    it('mounts paths that exist, read-only', () => {
        expect(volumes.length).toBeGreaterThan(0);
        for (const [src, , mode] of volumes) {
            expect({ src, exists: (0, node_fs_1.existsSync)((0, node_path_1.join)(support_1.ROOT, src)) }).toEqual({ src, exists: true });
            expect({ src, mode }).toEqual({ src, mode: 'ro' });
        }
    });
    it('mounts the templates where the entrypoint script reads them', () => {
        const dir = /LAB_TEMPLATE_SRC=\$\{LAB_TEMPLATE_SRC:-([^}]+)\}/.exec(envsh)?.[1];
        expect(dir).toBeDefined();
        expect(volumes).toContainEqual(['./nginx/templates', dir, 'ro']);
    });
    it('mounts the executable upstream script so the image sources it before its envsubst step', () => {
        const mount = volumes.find(([src]) => src.endsWith('-lab-upstreams.envsh'));
        expect(mount).toBeDefined();
        const [src, target] = mount;
        // The image ignores a *.envsh without the exec bit (git keeps the mode).
        expect(() => (0, node_fs_1.accessSync)((0, node_path_1.join)(support_1.ROOT, src), node_fs_1.constants.X_OK)).not.toThrow();
        expect((0, node_fs_1.statSync)((0, node_path_1.join)(support_1.ROOT, src)).mode & 0o111).not.toBe(0);
        expect(target).toMatch(/^\/docker-entrypoint\.d\/\d+-[^/]+\.envsh$/);
        // The entrypoint runs scripts in `sort -V` order: the prefix must sort before 20-envsubst-on-templates.sh.
        expect(Number(/\/(\d+)-/.exec(target)[1])).toBeLessThan(20);
    });
    it('lists the default replicas in LAB_REPLICAS on the port they listen on, as the driver writes it', () => {
        const list = (0, support_1.interpolate)((0, support_1.envOf)(nginx).LAB_REPLICAS);
        expect(list).toBe((0, commands_1.labReplicas)(defaultApps(base)));
        const port = (0, support_1.envOf)(base.services.app1).PORT;
        for (const entry of list.split(' '))
            expect(entry.endsWith(`:${port}`)).toBe(true);
        expect((0, support_1.envOf)((0, support_1.merge)(base, scale).services.nginx).LAB_REPLICAS).toBe((0, commands_1.labReplicas)((0, support_1.appServices)(base)));
    });
    it('publishes nginx on loopback: 8080 by default, an ephemeral port when LAB_HTTP_PORT is empty', () => {
        expect(nginx.ports).toHaveLength(1);
        const spec = nginx.ports[0];
        expect((0, support_1.interpolate)(spec)).toBe('127.0.0.1:8080:80');
        expect((0, support_1.interpolate)(spec, { LAB_HTTP_PORT: '' })).toBe('127.0.0.1::80');
        expect((0, support_1.interpolate)(spec, { LAB_HTTP_PORT: '18080' })).toBe('127.0.0.1:18080:80');
        // 80 is where the rendered config listens inside the container.
        expect(envsh).toMatch(/LAB_LISTEN=\$\{LAB_LISTEN:-80\}/);
    });
    it('runs one nginx worker by default, like the local lab (exact round robin and failure state)', () => {
        expect((0, support_1.interpolate)((0, support_1.envOf)(nginx).LAB_NGINX_WORKERS)).toBe('1');
        const mount = volumes.find(([src]) => src.endsWith('-lab-worker-processes.sh'));
        expect(mount).toBeDefined();
        const [src, target] = mount;
        expect((0, node_fs_1.statSync)((0, node_path_1.join)(support_1.ROOT, src)).mode & 0o111).not.toBe(0);
        // After the image's own 30-tune-worker-processes.sh, which could set it otherwise.
        expect(Number(/\/(\d+)-/.exec(target)[1])).toBeGreaterThan(30);
        const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'lab-workers-'));
        try {
            const conf = (0, node_path_1.join)(dir, 'nginx.conf');
            (0, node_fs_1.writeFileSync)(conf, 'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\n');
            (0, node_child_process_1.execFileSync)('sh', [(0, node_path_1.join)(support_1.ROOT, src)], { env: { PATH: process.env.PATH, LAB_NGINX_CONF: conf, LAB_NGINX_WORKERS: '1' }, stdio: 'pipe' });
            expect((0, node_fs_1.readFileSync)(conf, 'utf8')).toBe('user  nginx;\nworker_processes 1;\n\nerror_log  /var/log/nginx/error.log notice;\n');
            const bad = () => (0, node_child_process_1.execFileSync)('sh', [(0, node_path_1.join)(support_1.ROOT, src)], { env: { PATH: process.env.PATH, LAB_NGINX_CONF: conf, LAB_NGINX_WORKERS: 'many' }, stdio: 'pipe' });
            expect(bad).toThrow(/LAB_NGINX_WORKERS/);
        }
        finally {
            (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
        }
    });
    it('publishes no replica port in the files (the driver adds loopback-only ones per run)', () => {
        for (const file of FILES) {
            const f = (0, support_1.loadCompose)(file);
            for (const a of (0, support_1.appServices)(f))
                expect(f.services[a].ports ?? []).toEqual([]);
        }
    });
});
//# sourceMappingURL=compose.spec.js.map