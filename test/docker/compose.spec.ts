// Drift checks: the compose files against the code they start. No Docker
// engine needed; each check names the file and the thing that drifted.
import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STRATEGIES } from '../../apps/lab/src/topology/topology';
import { SESSION_MAX, SESSION_TTL_SECONDS } from '../../libs/env-keys';
import { DEFINED_REPLICAS, HAPROXY_ADMIN_SOCKET, labReplicas, RELOAD_AND_WAIT } from '../../apps/lab/src/topology/drivers/compose/commands';
import { mainConf } from '../../apps/lab/src/nginx/main-conf';
import {
  acceptedEnvKeys,
  appServices,
  atLeast,
  ComposeFile,
  envOf,
  healthcheckUrl,
  healthRoutes,
  interpolate,
  loadCompose,
  merge,
  PINNED_IMAGE,
  read,
  ROOT,
} from './support';

const FILES = ['docker-compose.yml', 'docker-compose.redis.yml', 'docker-compose.scale.yml', 'docker-compose.clients.yml', 'docker-compose.haproxy.yml'];
const base = loadCompose('docker-compose.yml');
const redis = loadCompose('docker-compose.redis.yml');
const scale = loadCompose('docker-compose.scale.yml');
const withRedis = merge(base, redis);
const pkg = JSON.parse(read('package.json')) as { version: string };
const envsh = read('nginx/docker-entrypoint.d/19-lab-upstreams.envsh');

/** Apps started by a plain `docker compose up` (no profile). */
const defaultApps = (f: ComposeFile) => appServices(f).filter((n) => !f.services[n].profiles?.length);

describe('strategies', () => {
  it.each(STRATEGIES)('%s has a template the nginx entrypoint script can pick', (strategy) => {
    expect(existsSync(join(ROOT, 'nginx/templates', `${strategy}.conf.template`))).toBe(true);
    // The script validates LB_STRATEGY against its own list: it must know every strategy.
    expect(envsh).toMatch(new RegExp(`(^|[\\s|])${strategy}([\\s|)])`, 'm'));
  });

  it('the native sticky variant the script switches to exists', () => {
    expect(envsh).toContain('sticky-cookie-native.conf.template');
    expect(existsSync(join(ROOT, 'nginx/templates/sticky-cookie-native.conf.template'))).toBe(true);
  });

  it.each([
    ['docker-compose.yml', 'ip-hash'],
    ['docker-compose.redis.yml', 'round-robin'],
  ] as const)('%s defaults LB_STRATEGY to %s, a valid strategy, and lets the environment override it', (file, expected) => {
    const raw = envOf((file === 'docker-compose.yml' ? base : withRedis).services.nginx).LB_STRATEGY;
    expect(interpolate(raw)).toBe(expected);
    expect(STRATEGIES).toContain(interpolate(raw));
    expect(interpolate(raw, { LB_STRATEGY: 'sticky-cookie' })).toBe('sticky-cookie');
  });
});

describe('replica environment', () => {
  const accepted = acceptedEnvKeys();

  it('the cart-api config is found and reads the variables the files rely on', () => {
    expect(accepted).toEqual(expect.arrayContaining(['PORT', 'APP_NAME', 'SESSION_STORE', 'SESSION_SECRET', 'REDIS_URL']));
  });

  it.each(FILES)('%s sets only variables the cart-api config accepts', (file) => {
    const f = loadCompose(file);
    for (const app of appServices(f)) {
      const unknown = Object.keys(envOf(f.services[app])).filter((k) => !accepted.includes(k));
      expect({ app, unknown }).toEqual({ app, unknown: [] });
    }
  });

  it('every replica gets the session limits from SESSION_TTL_SECONDS and SESSION_MAX, defaulting to cart-api\'s own', () => {
    for (const a of appServices(base)) {
      const env = envOf(base.services[a]);
      expect([a, env.SESSION_TTL_SECONDS, env.SESSION_MAX]).toEqual([a, '${SESSION_TTL_SECONDS:-1800}', '${SESSION_MAX:-100000}']);
      expect([interpolate(String(env.SESSION_TTL_SECONDS)), interpolate(String(env.SESSION_MAX))]).toEqual([String(SESSION_TTL_SECONDS.fallback), String(SESSION_MAX.fallback)]);
    }
  });

  it('every replica is named after its service and shares one session secret', () => {
    for (const f of [base, withRedis]) {
      const secrets = new Set(appServices(f).map((a) => envOf(f.services[a]).SESSION_SECRET));
      expect(secrets.size).toBe(1);
      expect(interpolate([...secrets][0] ?? '')).not.toBe('');
      for (const a of appServices(f)) expect(envOf(f.services[a]).APP_NAME).toBe(a);
    }
  });

  it('the base file keeps carts in memory, one image built once (by app1) from this checkout, init as PID 1', () => {
    for (const a of appServices(base)) {
      const s = base.services[a];
      expect(envOf(s).SESSION_STORE).toBe('memory');
      expect(s.init).toBe(true);
      expect(s.image).toBe(`sticky-sessions-lab/cart-api:${pkg.version}`);
      // Several services building one tag give it several image ids: the next
      // `up` would recreate the replicas. Only app1 builds; the others use its tag.
      if (a === 'app1') {
        expect(s.build).toEqual({ context: '.', dockerfile: 'docker/cart-api.Dockerfile', args: ['NODE_IMAGE', 'NPM_OFFLINE'] });
      } else {
        expect(s.build).toBeUndefined();
      }
    }
  });

  it('the compose driver knows exactly the replicas the file defines', () => {
    expect(appServices(base)).toEqual([...DEFINED_REPLICAS]);
  });
});

describe('proxy trust and name resolution', () => {
  it('every replica trusts the private ranges nginx reaches it from, in a form the config accepts', () => {
    const { loadConfig } = require('../../apps/cart-api/src/config/config') as { loadConfig: (env: Record<string, string>) => { trustProxy: string[] } };
    for (const a of appServices(base)) {
      const value = envOf(base.services[a]).TRUST_PROXY;
      expect(value).toBeDefined();
      // As Compose passes it: ${VAR:-default} interpolated (the session limits are such variables).
      const env = Object.fromEntries(Object.entries(envOf(base.services[a])).map(([k, v]) => [k, interpolate(String(v))]));
      const trusted = loadConfig({ ...env, SESSION_SECRET: 'x'.repeat(32) }).trustProxy;
      // Compose networks are 172.16/12 or 10/8 (the clients override): express' `uniquelocal`.
      expect(trusted).toContain('uniquelocal');
    }
  });

  it('nginx gets Docker\'s resolver; the upstream script adds zone + resolve for names that do not resolve now', () => {
    expect(interpolate(envOf(base.services.nginx).LAB_RESOLVER)).toBe('127.0.0.11');
    const out = execFileSync('sh', ['-c', '. ./nginx/docker-entrypoint.d/19-lab-upstreams.envsh; printf "%s" "$LAB_SERVERS"'], {
      cwd: ROOT,
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
    for (const a of appServices(base)) {
      const s = withRedis.services[a];
      expect(envOf(s).SESSION_STORE).toBe('redis');
      const url = new URL(envOf(s).REDIS_URL);
      expect([url.protocol, url.hostname, url.port]).toEqual(['redis:', 'redis', port]);
      expect(s.depends_on).toMatchObject({ redis: { condition: 'service_healthy' } });
    }
  });

  it('the AOF override keeps the store in an append-only file on a named volume', () => {
    const aof = loadCompose('docker-compose.redis-aof.yml') as ComposeFile & { volumes: Record<string, unknown> };
    const r = merge(withRedis, aof).services.redis;
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

describe('redis-sentinel override', () => {
  const ha = loadCompose('docker-compose.redis-sentinel.yml');
  const merged = merge(withRedis, ha);
  const sentinels = Object.keys(ha.services).filter((n) => n.startsWith('sentinel-'));
  const dataNodes = ['redis', ...Object.keys(ha.services).filter((n) => n.startsWith('redis-replica-'))];
  const sentinelConf = (n: string) => JSON.stringify(merged.services[n].command);

  it('one primary, two replicas, three Sentinels, all on the Redis image of the other Redis files', () => {
    expect([dataNodes.length, sentinels.length]).toEqual([3, 3]);
    for (const n of [...dataNodes.slice(1), ...sentinels]) expect([n, merged.services[n].image]).toEqual([n, redis.services.redis.image]);
  });

  it('names, not addresses: each data node announces its service name, the Sentinels resolve and announce host names', () => {
    for (const n of dataNodes) expect(merged.services[n].command).toEqual(expect.arrayContaining(['--replica-announce-ip', n]));
    for (const n of dataNodes.slice(1)) expect(merged.services[n].command).toEqual(expect.arrayContaining(['--replicaof', 'redis', '6379']));
    for (const n of sentinels) {
      expect(sentinelConf(n)).toContain('sentinel resolve-hostnames yes');
      expect(sentinelConf(n)).toContain('sentinel announce-hostnames yes');
      expect(sentinelConf(n)).toContain('sentinel monitor cart redis 6379');
      expect(envOf(merged.services[n]).SENTINEL_NAME).toBe(n);
    }
  });

  it('every replica finds Redis through all three Sentinels under the monitored name', () => {
    for (const a of appServices(base)) {
      const env = envOf(merged.services[a]);
      expect(env.REDIS_SENTINELS.split(',').sort()).toEqual(sentinels.map((n) => `${n}:26379`).sort());
      expect(env.REDIS_SENTINEL_NAME).toBe('cart');
      expect(Object.keys(merged.services[a].depends_on ?? {})).toEqual(expect.arrayContaining(sentinels));
    }
  });
});

describe('images', () => {
  const all = FILES.flatMap((file) => Object.entries(loadCompose(file).services).map(([name, s]) => ({ file, name, s })));

  const pulled = all.filter((x) => x.s.image && !/^sticky-sessions-lab\//.test(x.s.image));
  it.each(pulled.map((x) => [x.file, x.name, x.s.image as string]))(
    '%s: %s uses an image that is a parameter defaulting to one pinned to an exact version (%s)',
    (_file, name, image) => {
      const variable = name === 'redis' ? 'REDIS_IMAGE' : name === 'haproxy' ? 'HAPROXY_IMAGE' : 'NGINX_IMAGE';
      expect(image).toMatch(new RegExp(`^\\$\\{${variable}:-[^}]+\\}$`));
      expect(interpolate(image)).toMatch(PINNED_IMAGE);
      expect(interpolate(image)).not.toMatch(/:latest\b/);
      expect(interpolate(image, { [variable]: 'sticky-lab-offline/x:sid-1' })).toBe('sticky-lab-offline/x:sid-1');
    },
  );

  it('every service has an image or a build', () => {
    for (const [name, s] of Object.entries(withRedis.services)) expect({ name, ok: !!(s.image || s.build) }).toEqual({ name, ok: true });
  });

  it('nginx is official and at least 1.29.6 (open-source `sticky` directive)', () => {
    const m = /^nginx:(\d+\.\d+\.\d+)/.exec(interpolate(base.services.nginx.image ?? ''));
    expect(m).not.toBeNull();
    expect(atLeast(m![1], '1.29.6')).toBe(true);
  });

  it('redis is the official image', () => {
    expect(interpolate(redis.services.redis.image ?? '')).toMatch(/^redis:\d+\.\d+\.\d+/);
  });

  it('the client containers reuse the nginx image (no other image to pull or pin)', () => {
    const clients = loadCompose('docker-compose.clients.yml');
    for (const name of ['client-a', 'client-b', 'client-c']) expect(clients.services[name].image).toBe(base.services.nginx.image);
  });
});

describe('health checks', () => {
  const routes = healthRoutes();

  it('the cart-api has the health routes the files use', () => {
    expect(routes).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
  });

  it.each(appServices(base))('%s checks a real cart-api route on the port it listens on', (app) => {
    const s = base.services[app];
    const url = healthcheckUrl(s);
    expect(url).not.toBeNull();
    expect(routes).toContain(url!.pathname);
    expect(url!.hostname).toBe('127.0.0.1');
    expect(url!.port).toBe(envOf(s).PORT);
    expect((s.expose as string[]).map(String)).toContain(envOf(s).PORT);
  });

  it('nginx checks a location the lab config really serves', () => {
    const url = healthcheckUrl(base.services.nginx);
    expect(url).not.toBeNull();
    expect(read('nginx/templates/snippets/server.conf.template')).toContain(`location = ${url!.pathname}`);
  });

  it('nginx waits for the default replicas to be healthy, and the scale override for app4 too', () => {
    const want = Object.fromEntries(defaultApps(base).map((a) => [a, { condition: 'service_healthy' }]));
    expect(base.services.nginx.depends_on).toEqual(want);
    expect(merge(base, scale).services.nginx.depends_on).toMatchObject({ app4: { condition: 'service_healthy' } });
  });
});

describe('client networks', () => {
  const clients = loadCompose('docker-compose.clients.yml') as ComposeFile & { networks: Record<string, { ipam: { config: { subnet: string }[] } }> };

  it('puts each client in its own /24, all reachable from nginx, which keeps its default network', () => {
    const subnets = Object.values(clients.networks).map((n) => interpolate(n.ipam.config[0].subnet));
    expect(subnets).toEqual(['10.231.1.0/24', '10.231.2.0/24', '10.231.3.0/24']);
    // ip_hash keys on the first three octets: the /24s must differ there.
    expect(new Set(subnets.map((s) => s.split('.').slice(0, 3).join('.'))).size).toBe(3);
    expect(clients.services.nginx.networks).toEqual(['default', ...Object.keys(clients.networks)]);
    for (const name of ['client-a', 'client-b', 'client-c']) {
      const s = clients.services[name];
      expect((s.networks as string[]).length).toBe(1);
      expect(Object.keys(clients.networks)).toContain((s.networks as string[])[0]);
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
      expect({ src, exists: existsSync(join(ROOT, src)) }).toEqual({ src, exists: true });
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
    const [src, target] = mount!;
    // The image ignores a *.envsh without the exec bit (git keeps the mode).
    expect(() => accessSync(join(ROOT, src), constants.X_OK)).not.toThrow();
    expect(statSync(join(ROOT, src)).mode & 0o111).not.toBe(0);
    expect(target).toMatch(/^\/docker-entrypoint\.d\/\d+-[^/]+\.envsh$/);
    // The entrypoint runs scripts in `sort -V` order: the prefix must sort before 20-envsubst-on-templates.sh.
    expect(Number(/\/(\d+)-/.exec(target)![1])).toBeLessThan(20);
  });

  it('lists the default replicas in LAB_REPLICAS on the port they listen on, as the driver writes it', () => {
    const list = interpolate(envOf(nginx).LAB_REPLICAS);
    expect(list).toBe(labReplicas(defaultApps(base)));
    const port = envOf(base.services.app1).PORT;
    for (const entry of list.split(' ')) expect(entry.endsWith(`:${port}`)).toBe(true);
    expect(envOf(merge(base, scale).services.nginx).LAB_REPLICAS).toBe(labReplicas(appServices(base)));
  });

  it('publishes nginx on loopback: 8080 by default, an ephemeral port when LAB_HTTP_PORT is empty', () => {
    expect(nginx.ports).toHaveLength(1);
    const spec = nginx.ports![0];
    expect(interpolate(spec)).toBe('127.0.0.1:8080:80');
    expect(interpolate(spec, { LAB_HTTP_PORT: '' })).toBe('127.0.0.1::80');
    expect(interpolate(spec, { LAB_HTTP_PORT: '18080' })).toBe('127.0.0.1:18080:80');
    // 80 is where the rendered config listens inside the container.
    expect(envsh).toMatch(/LAB_LISTEN=\$\{LAB_LISTEN:-80\}/);
  });

  it('runs one nginx worker by default, like the local lab (exact round robin and failure state), with a bounded shutdown', () => {
    expect(interpolate(envOf(nginx).LAB_NGINX_WORKERS)).toBe('1');
    const mount = volumes.find(([src]) => src.endsWith('-lab-worker-processes.sh'));
    expect(mount).toBeDefined();
    const [src, target] = mount!;
    expect(statSync(join(ROOT, src)).mode & 0o111).not.toBe(0);
    // After the image's own 30-tune-worker-processes.sh, which could set it otherwise.
    expect(Number(/\/(\d+)-/.exec(target)![1])).toBeGreaterThan(30);
    const dir = mkdtempSync(join(tmpdir(), 'lab-workers-'));
    try {
      const conf = join(dir, 'nginx.conf');
      writeFileSync(conf, 'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\nevents {\n    worker_connections  1024;\n}\n');
      execFileSync('sh', [join(ROOT, src)], { env: { PATH: process.env.PATH, LAB_NGINX_CONF: conf, LAB_NGINX_WORKERS: '1' }, stdio: 'pipe' });
      // A reload's old workers are bounded too: the compose driver's reload waits for them.
      // Room for the per-address connection limit: the same numbers as the local lab's main config.
      const tuned =
        'user  nginx;\nworker_processes 1;\nworker_rlimit_nofile 8192;\nworker_shutdown_timeout 10s;\n\nerror_log  /var/log/nginx/error.log notice;\nevents {\n    worker_connections 4096;\n}\n';
      expect(readFileSync(conf, 'utf8')).toBe(tuned);
      const local = mainConf('/run');
      for (const line of ['worker_rlimit_nofile 8192;', 'worker_connections 4096;']) expect(local).toContain(line);
      execFileSync('sh', [join(ROOT, src)], { env: { PATH: process.env.PATH, LAB_NGINX_CONF: conf, LAB_NGINX_WORKERS: '1' }, stdio: 'pipe' });
      expect(readFileSync(conf, 'utf8')).toBe(tuned); // a container restart runs it again: no second line
      const bad = () => execFileSync('sh', [join(ROOT, src)], { env: { PATH: process.env.PATH, LAB_NGINX_CONF: conf, LAB_NGINX_WORKERS: 'many' }, stdio: 'pipe' });
      expect(bad).toThrow(/LAB_NGINX_WORKERS/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('publishes no replica port in the files (the driver adds loopback-only ones per run)', () => {
    for (const file of FILES) {
      const f = loadCompose(file);
      for (const a of appServices(f)) expect(f.services[a].ports ?? []).toEqual([]);
    }
  });
});

describe('haproxy override', () => {
  const hx = loadCompose('docker-compose.haproxy.yml');
  const generator = read('haproxy/lab-haproxy.sh');

  it('is the official image on an LTS line (even minor), pinned', () => {
    const m = /^haproxy:(\d+)\.(\d+)\.\d+$/.exec(interpolate(hx.services.haproxy.image ?? ''));
    expect(m).not.toBeNull();
    expect(Number(m![2]) % 2).toBe(0);
  });

  it('turns nginx off (a profile) so only one balancer publishes the port, and takes nginx\'s port', () => {
    expect(hx.services.nginx.profiles).toEqual(['nginx']);
    expect(hx.services.haproxy.ports).toEqual(base.services.nginx.ports);
  });

  it('renders with the shared generator, from the same replica list and strategy variables as nginx', () => {
    const env = envOf(hx.services.haproxy);
    const nginxEnv = envOf(base.services.nginx);
    for (const k of ['LB_STRATEGY', 'LAB_REPLICAS', 'LAB_DOWN']) expect({ k, v: env[k] }).toEqual({ k, v: nginxEnv[k] });
    // The default strategy is one the generator accepts.
    expect(generator).toMatch(new RegExp(`\\b${interpolate(String(env.LB_STRATEGY))}\\b`));
    expect(hx.services.haproxy.volumes).toEqual(expect.arrayContaining([
      './haproxy:/usr/local/etc/haproxy/lab:ro',
      './docker/haproxy/lab-entrypoint.sh:/usr/local/bin/lab-entrypoint.sh:ro',
    ]));
    expect(() => accessSync(join(ROOT, 'docker/haproxy/lab-entrypoint.sh'), constants.X_OK)).not.toThrow();
    expect(hx.services.haproxy.entrypoint).toEqual(['/usr/local/bin/lab-entrypoint.sh']);
  });

  it('waits for the replicas to be healthy, like nginx', () => {
    expect(hx.services.haproxy.depends_on).toEqual(base.services.nginx.depends_on);
  });

  it('puts the runtime API socket where the compose driver reads health checks from', () => {
    expect(envOf(hx.services.haproxy).LAB_ADMIN_SOCKET).toBe(HAPROXY_ADMIN_SOCKET);
  });
});

describe('reload and wait (both balancer containers)', () => {
  const script = join(ROOT, 'docker/lab-reload-and-wait.sh');
  const hx = loadCompose('docker-compose.haproxy.yml');

  it('is mounted where the compose driver calls it, in nginx and in HAProxy', () => {
    for (const svc of [base.services.nginx, hx.services.haproxy]) {
      expect(svc.volumes).toContain(`./docker/lab-reload-and-wait.sh:${RELOAD_AND_WAIT}:ro`);
    }
    expect(read('docker/haproxy/lab-entrypoint.sh')).toContain(`${RELOAD_AND_WAIT} 1 kill -USR2 1`);
  });

  /** A stand-in master whose children are its "old workers", living `ms` each. */
  function master(...ms: number[]) {
    const child = spawn('sh', ['-c', `${ms.map((m) => `sleep ${m / 1000} &`).join(' ')} wait`], { stdio: 'ignore', detached: true });
    return { pid: child.pid!, kill: () => process.kill(-child.pid!, 'SIGKILL') };
  }
  const run = (args: string[], env: Record<string, string> = {}) => {
    const t0 = Date.now();
    try {
      const out = execFileSync('sh', [script, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: 'pipe' }).toString();
      return { ok: true, out, ms: Date.now() - t0, err: '' };
    } catch (e) {
      return { ok: false, out: '', ms: Date.now() - t0, err: String((e as { stderr?: Buffer }).stderr) };
    }
  };
  const childrenOf = async (pid: number) => {
    for (let i = 0; i < 50; i++) {
      const kids = execFileSync('sh', ['-c', `grep -l "^[0-9]* ([^)]*) . ${pid} " /proc/[0-9]*/stat 2>/dev/null || true`]).toString().trim();
      if (kids) return kids.split('\n').length;
      await new Promise((r) => setTimeout(r, 20));
    }
    return 0;
  };

  it('runs the command, then returns only once the master\'s children from before it are gone', async () => {
    const m = master(700, 400);
    try {
      expect(await childrenOf(m.pid)).toBe(2);
      const r = run([String(m.pid), 'echo', 'reloaded']);
      expect(r).toMatchObject({ ok: true, out: 'reloaded\n' });
      expect(r.ms).toBeGreaterThanOrEqual(300);
    } finally {
      m.kill();
    }
  });

  it('fails, bounded and naming them, when the old workers outlive LAB_RELOAD_WAIT_S', async () => {
    const m = master(20_000);
    try {
      expect(await childrenOf(m.pid)).toBe(1);
      const r = run([String(m.pid), 'true'], { LAB_RELOAD_WAIT_S: '1' });
      expect(r.ok).toBe(false);
      expect(r.err).toMatch(/old workers still running 1 s after the reload: \d+/);
      expect(r.ms).toBeLessThan(5_000);
    } finally {
      m.kill();
    }
  });

  it('refuses a bad master, a missing command and a bad bound before running anything', () => {
    expect(run(['abc', 'echo', 'x']).err).toMatch(/MASTER_PID must be a number, got 'abc'/);
    expect(run(['999999999', 'echo', 'x']).err).toMatch(/no process 999999999/);
    expect(run(['1']).err).toMatch(/usage:/);
    expect(run(['1', 'echo', 'x'], { LAB_RELOAD_WAIT_S: 'soon' }).err).toMatch(/LAB_RELOAD_WAIT_S must be a whole number/);
    expect(run(['1', 'echo', 'x'], { LAB_RELOAD_WAIT_S: 'soon' }).out).toBe('');
  });

  it('passes a failed command\'s failure on', () => {
    const r = run([String(process.pid), 'sh', '-c', 'echo nope >&2; exit 3']);
    expect(r).toMatchObject({ ok: false });
    expect(r.err).toContain('nope');
  });
});
