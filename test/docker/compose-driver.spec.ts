// The compose driver's orchestration, checked without a Docker engine: a
// scripted `docker` CLI (test/docker/fake-compose/docker) records every call
// and keeps container state; the "published ports" are real HTTP servers
// here. What this proves: the order of the boot, the command lines, the
// generated override, the in-place nginx re-render and its wait, and the
// teardown. What happens to carts is the scenarios' business
// (test/docker/engine/compose-driver.docker.ts runs this driver against a real engine).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ComposeUnavailableError, requireCompose } from '../../apps/lab/src/topology/drivers/compose/cli';
import { ComposeTopology } from '../../apps/lab/src/topology/drivers/compose/compose-topology';
import { ROOT } from './support';

// Every scripted docker call is a node process: generous on a loaded 2-core machine.
jest.setTimeout(90_000);

const FAKE_BIN = join(__dirname, 'fake-compose');
const SERVICES = ['app1', 'app2', 'app3', 'app4', 'app5', 'nginx'];

interface FakeState {
  calls: string[][];
  containers: Record<string, { status: string; ip: number }>;
  files: string[];
  env: Record<string, string>;
  rerenders?: Record<string, string>[];
  generation?: string;
  down?: number;
}

let dir: string;
let stateFile: string;
let servers: Server[] = [];
const saved = { PATH: process.env.PATH, state: process.env.FAKE_DOCKER_STATE, ports: process.env.FAKE_DOCKER_PORTS };

function state(): FakeState {
  return JSON.parse(readFileSync(stateFile, 'utf8')) as FakeState;
}

/** Compose verbs in call order, e.g. `up redis`, `exec redis`. */
function verbs(): string[] {
  return state()
    .calls.filter((c) => c[0] === 'compose' && c[1] !== 'version')
    .map((c) => {
      let i = 1;
      while (c[i] === '-p' || c[i] === '-f') i += 2;
      const rest = c.slice(i);
      const target = rest.slice(1).filter((a) => /^(app\d+|nginx|redis)$/.test(a));
      return [rest[0], ...target].join(' ');
    });
}

/** The INSTANCE_ID the driver's override gives `name` (what the real container would answer with). */
function instanceOf(name: string): string | undefined {
  if (!existsSync(stateFile)) return undefined;
  const files = state().files ?? [];
  const override = files.at(-1);
  if (!override || !existsSync(override)) return undefined;
  const body = JSON.parse(readFileSync(override, 'utf8')) as { services: Record<string, { environment?: Record<string, string> }> };
  return body.services[name]?.environment?.INSTANCE_ID;
}

let turn = 0;
/** Round robin over the replicas the last re-render listed (not marked down), like the real nginx would. */
function nextRendered(): string {
  const s = existsSync(stateFile) ? state() : undefined;
  const last = s?.rerenders?.at(-1);
  if (!last) return 'app1';
  const down = (last.LAB_DOWN ?? '').split(' ');
  const up = last.LAB_REPLICAS.split(' ').map((r) => r.split('=')[0]).filter((n) => !down.includes(n));
  return up[turn++ % up.length] ?? 'app1';
}

function listen(handler: (path: string) => { status: number; body: string; servedBy?: string }): Promise<Server> {
  const server = createServer((req, res) => {
    const out = handler(req.url ?? '/');
    res.writeHead(out.status, out.servedBy ? { 'x-served-by': out.servedBy } : {});
    res.end(out.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fake-compose-'));
  stateFile = join(dir, 'state.json');
  const ports: Record<string, number> = {};
  servers = [];
  for (const name of SERVICES) {
    const server = await listen((path) => {
      if (name !== 'nginx') return { status: path === '/health/ready' ? 200 : 404, body: JSON.stringify({ instance: instanceOf(name) }), servedBy: name };
      if (path === '/__lab/generation') return { status: 200, body: `${existsSync(stateFile) ? (state().generation ?? '0') : '0'}\n` };
      return { status: 200, body: '{}', servedBy: nextRendered() };
    });
    servers.push(server);
    ports[name] = (server.address() as AddressInfo).port;
  }
  process.env.PATH = `${FAKE_BIN}${delimiter}${saved.PATH}`;
  process.env.FAKE_DOCKER_STATE = stateFile;
  process.env.FAKE_DOCKER_PORTS = JSON.stringify(ports);
  // The scripted CLI knows no `docker network`, and `ip` is the host's: no client network here.
  process.env.LAB_CLIENT_NET = 'off';
});

afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  process.env.PATH = saved.PATH;
  process.env.FAKE_DOCKER_STATE = saved.state;
  process.env.FAKE_DOCKER_PORTS = saved.ports;
  delete process.env.LAB_CLIENT_NET;
  rmSync(dir, { recursive: true, force: true });
});

const start = (store: 'memory' | 'redis', replicas = 3) =>
  ComposeTopology.start({ strategy: 'round-robin', store, replicas, port: 0, env: { LOG_LEVEL: 'silent', SESSION_MAX: '9' }, sessionTtlSeconds: 60 }, ['docker', 'compose'], ROOT);

describe('compose driver orchestration (scripted docker CLI)', () => {
  it('boots redis, then the replicas (built), then nginx, under one unique project, and reads the ports back', async () => {
    const t = await start('redis');
    try {
      // The image is built once (app1 carries the build), then every replica is started on its own, one `up` at a time.
      expect(verbs().slice(0, 3)).toEqual(['up redis', 'exec redis', 'build app1']);
      expect(verbs().filter((v) => v === 'build app1')).toHaveLength(1);
      expect(verbs().filter((v) => /^up app\d$/.test(v)).sort()).toEqual(['up app1', 'up app2', 'up app3']);
      expect(verbs().indexOf('up nginx')).toBeGreaterThan(verbs().lastIndexOf('port app3'));
      const upReplicas = state().calls.filter((c) => c.includes('up') && c.includes('app1'));
      expect(upReplicas).toEqual([expect.arrayContaining(['-d', '--no-deps'])]);
      expect(upReplicas[0]).not.toContain('--build');

      const projects = new Set(state().calls.filter((c) => c[0] === 'compose' && c[1] === '-p').map((c) => c[2]));
      expect([...projects]).toHaveLength(1);
      expect([...projects][0]).toMatch(/^sticky-lab-[0-9a-f]{8}$/);
      const files = state().files;
      expect(files.slice(0, 2)).toEqual([join(ROOT, 'docker-compose.yml'), join(ROOT, 'docker-compose.redis.yml')]);
      // A host port fixed at boot, so a balancer restart keeps the entry URL. The
      // balancer starts with addresses, as every re-render writes them: nginx's
      // consistent ring is built from the server strings (names, then addresses,
      // moved 90 % of the clients on a scale-out).
      // The session limits are the variables docker-compose.yml interpolates for every replica (not override entries).
      expect(state().env).toEqual({
        LAB_REPLICAS: 'app1=172.18.0.3:8000 app2=172.18.0.4:8000 app3=172.18.0.5:8000', LAB_HTTP_PORT: expect.stringMatching(/^[1-9]\d*$/), COMPOSE_PROFILES: 'scale',
        SESSION_TTL_SECONDS: '60', SESSION_MAX: '9',
      });

      const ports = JSON.parse(process.env.FAKE_DOCKER_PORTS!) as Record<string, number>;
      expect(t.url).toBe(`http://127.0.0.1:${ports.nginx}`);
      const status = await t.status();
      expect(status.replicas.map((r) => [r.name, r.state, r.url])).toEqual(
        ['app1', 'app2', 'app3'].map((n) => [n, 'running', `http://127.0.0.1:${ports[n]}`]),
      );
      // nginx's state is the engine's word for its container.
      expect(status.balancer).toEqual({ engine: 'nginx', version: '1.30.0', sticky: 'n/a', state: 'running' });
      expect(status.redis).toEqual({ url: 'redis://redis:6379', state: 'running', persistence: 'none' });

      // Each replica its own INSTANCE_ID: readiness counts only the container that names it.
      const override = JSON.parse(readFileSync(files[2], 'utf8'));
      // A host port of its own, fixed, so a stop/start keeps the replica's URL.
      expect(override.services.app2).toEqual({ ports: [expect.stringMatching(/^127\.0\.0\.1:\d+:8000$/)], environment: { LOG_LEVEL: 'silent', INSTANCE_ID: expect.stringMatching(/^[0-9a-f]{16}$/) } });
      expect(override.services.app2.environment.INSTANCE_ID).not.toBe(override.services.app1.environment.INSTANCE_ID);

      await t.redisPause();
      expect((await t.status()).redis!.state).toBe('paused');
      // A restart of a paused redis unpauses it first, then waits for PING.
      await t.redisRestart();
      expect(verbs().filter((v) => v.endsWith(' redis')).slice(-4)).toEqual(['pause redis', 'unpause redis', 'restart redis', 'exec redis']);
      expect((await t.status()).redis!.state).toBe('running');
    } finally {
      await t.down();
    }
  });

  it('memory store: marks down, drains, restarts, scales out and in, kills and tears down, re-rendering nginx in place', async () => {
    const t = await start('memory');
    try {
      // Mark-down: addresses instead of names (a stopped container has no DNS name), a new generation, waited for.
      await t.markDown('app2', true);
      expect(state().rerenders![0]).toEqual({
        LB_STRATEGY: 'round-robin',
        LAB_REPLICAS: 'app1=172.18.0.2:8000 app2=172.18.0.3:8000 app3=172.18.0.4:8000',
        LAB_DOWN: 'app2',
        LAB_DRAIN: '',
        LAB_GENERATION: '1',
      });
      expect((await t.status()).replicas.find((r) => r.name === 'app2')!.markedDown).toBe(true);
      // A drain (bound clients keep it) is rendered by the same scripts: LAB_DRAIN; `down` wins over it.
      await t.drain('app3', true);
      expect(state().rerenders!.at(-1)).toMatchObject({ LAB_DOWN: 'app2', LAB_DRAIN: 'app3', LAB_GENERATION: '2' });
      await t.drain('app3', false);
      expect(state().rerenders!.at(-1)).toMatchObject({ LAB_DRAIN: '', LAB_GENERATION: '3' });

      // Stop and start: the container comes back on a new address and nginx is pointed at it.
      await t.stop('app2');
      expect(state().containers.app2.status).toBe('exited');
      await t.start('app2');
      const restarted = state().rerenders!.at(-1)!;
      expect(restarted.LAB_REPLICAS).toBe('app1=172.18.0.2:8000 app2=172.18.0.6:8000 app3=172.18.0.4:8000');
      expect(restarted.LAB_GENERATION).toBe('4');

      // Scale out: app4 is defined in the file, app5 is generated from app1 as Compose resolved it.
      await t.scale(5);
      expect((await t.status()).replicas.map((r) => r.name)).toEqual(['app1', 'app2', 'app3', 'app4', 'app5']);
      expect(verbs()).toEqual(expect.arrayContaining(['up app4', 'config', 'up app5']));
      const override = JSON.parse(readFileSync(state().files[1], 'utf8'));
      expect(override.services.app4).toEqual({ ports: [expect.stringMatching(/^127\.0\.0\.1:\d+:8000$/)], environment: { LOG_LEVEL: 'silent', INSTANCE_ID: expect.any(String) } });
      expect(override.services.app5).toMatchObject({
        image: 'sticky-sessions-lab/cart-api:0.1.0',
        init: true,
        ports: [expect.stringMatching(/^127\.0\.0\.1:\d+:8000$/)],
        environment: { APP_NAME: 'app5', SESSION_STORE: 'memory', LOG_LEVEL: 'silent' },
      });
      expect(override.services.app5).not.toHaveProperty('command');
      expect(state().rerenders!.at(-1)!.LAB_REPLICAS.split(' ').map((r) => r.split('=')[0])).toEqual(['app1', 'app2', 'app3', 'app4', 'app5']);

      // Scale in: out of nginx first (no request sent to a replica being stopped), then stopped (kept for its logs).
      await t.removeReplica('app5');
      expect(verbs().slice(-2)).toEqual(['exec nginx', 'stop app5']);
      expect(state().rerenders!.at(-1)!.LAB_REPLICAS).not.toContain('app5');
      await expect(t.removeReplica('app9')).rejects.toThrow(/no replica named app9/);

      // nginx was started once and only ever reloaded: its port (and url) never changed.
      expect(verbs().filter((v) => v === 'up nginx')).toHaveLength(1);

      await t.kill('app1');
      // Done only once the engine says the container is gone.
      expect(verbs().at(-1)).toBe('kill app1');
      expect(state().calls.at(-1)![0]).toBe('ps');
      expect((await t.status()).replicas[0].state).toBe('killed');
      const logs = await t.logs();
      expect(logs.nginx).toBe('nginx stderr\n');
      expect(logs['nginx-access']).toBe('nginx stdout\n');
      expect(logs.app2).toBe('app2 stdout\napp2 stderr\n');
      await expect(t.redisPause()).rejects.toThrow('the memory store runs no Redis');
    } finally {
      await t.down();
    }
    const overrideFile = state().files[1];
    await t.down();
    expect(state().down).toBe(1);
    expect(state().calls.find((c) => c.includes('down'))).toEqual(expect.arrayContaining(['-v', '--remove-orphans']));
    expect(existsSync(overrideFile)).toBe(false);
  });

  it('says why it cannot run when no engine answers', () => {
    process.env.FAKE_DOCKER_NO_ENGINE = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock';
    try {
      expect(() => requireCompose()).toThrow(ComposeUnavailableError);
      expect(() => requireCompose()).toThrow(/no Docker engine answers .*Cannot connect to the Docker daemon/);
    } finally {
      delete process.env.FAKE_DOCKER_NO_ENGINE;
    }
  });
});
