import { request } from 'node:http';
import type { ReplicaInfo, Topology, TopologyStatus } from '../topology/topology';
import { waitFor } from '../util/wait';
import { MAX_QUEUED_CHANGES } from './api';
import { ControlServer, startControlServer } from './server';

// The control server's HTTP contract (routes, status codes, refusals) over an
// in-memory topology double; the real topology behind it is exercised by
// test/lab/cli-*.test.ts through the built CLI.
interface FakeTopology extends Topology {
  calls: string[];
  balancerState: { now: 'running' | 'dead' };
  gate: { open: () => void; wait: Promise<void> };
}

function fakeTopology(): FakeTopology {
  const replicas: ReplicaInfo[] = [1, 2, 3].map((i) => ({
    name: `app${i}`,
    state: 'running',
    markedDown: false,
    url: `http://127.0.0.1:${9000 + i}`,
  }));
  const calls: string[] = [];
  const balancerState: { now: 'running' | 'dead' } = { now: 'running' };
  // A restart holds until the test lets it go, so requests pile up behind it.
  const gate: { open: () => void; wait: Promise<void> } = { open: () => undefined, wait: Promise.resolve() };
  const set = (name: string, state: ReplicaInfo['state']) => {
    calls.push(`${state}:${name}`);
    replicas.find((r) => r.name === name)!.state = state;
  };
  const status = async (): Promise<TopologyStatus> => ({
    driver: 'process',
    strategy: 'ip-hash',
    store: 'memory',
    session: { ttlSeconds: 1800, max: 100_000 },
    url: 'http://127.0.0.1:1',
    replicas: replicas.map((r) => ({ ...r })),
    balancer: { engine: 'nginx', version: '1.22.1', sticky: 'n/a', state: balancerState.now },
  });
  const fail = async () => {
    throw new Error('driver exploded');
  };
  return {
    calls,
    balancerState,
    gate,
    driver: 'process',
    url: 'http://127.0.0.1:1',
    strategy: 'ip-hash',
    store: 'memory',
    balancer: 'nginx',
    status,
    stop: async (n) => set(n, 'stopped'),
    kill: async (n) => set(n, 'killed'),
    pause: async (n) => set(n, 'paused'),
    resume: async (n) => set(n, 'running'),
    start: fail,
    addReplica: fail,
    removeReplica: fail,
    scale: fail,
    drain: async (n, on) => {
      calls.push(`${on ? 'drain' : 'undrain'}:${n}`);
      replicas.find((r) => r.name === n)!.draining = on;
    },
    markDown: async (n, down) => {
      calls.push(`${down ? 'mark-down' : 'mark-up'}:${n}`);
      replicas.find((r) => r.name === n)!.markedDown = down;
    },
    redisPause: fail,
    redisResume: fail,
    redisRestart: fail,
    redisKill: fail,
    restartBalancer: async () => {
      calls.push('restart:balancer');
      await gate.wait;
      balancerState.now = 'running';
    },
    reloadBalancer: async () => {
      calls.push('reload:balancer');
    },
    logs: async () => ({ app1: 'hello' }),
    balancerConfig: async () => '',
    down: async () => undefined,
    [Symbol.asyncDispose]: async () => undefined,
  };
}

async function call(control: ControlServer, method: string, path: string, init: RequestInit = {}) {
  const res = await fetch(control.url + path, { method, ...init });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const post = async (control: ControlServer, name: string, action: string) => (await call(control, 'POST', `/api/replicas/${name}/${action}`)).status;

describe('control server', () => {
  let control: ControlServer;
  let topology: ReturnType<typeof fakeTopology>;
  let downCalls = 0;

  beforeEach(async () => {
    topology = fakeTopology();
    downCalls = 0;
    control = await startControlServer({ topology, port: 0, onDown: () => downCalls++ });
  });
  afterEach(() => control.close());

  it('reports the topology status with its own URL', async () => {
    const { status, body } = await call(control, 'GET', '/api/status');
    expect(status).toBe(200);
    expect(body).toMatchObject({ strategy: 'ip-hash', control_url: control.url, pid: process.pid });
    expect((body.replicas as ReplicaInfo[]).map((r) => r.name)).toEqual(['app1', 'app2', 'app3']);
  });

  it('applies a replica action and refuses the same one twice with 409', async () => {
    const first = await call(control, 'POST', '/api/replicas/app2/kill');
    expect(first.status).toBe(200);
    expect(first.body.message).toBe('app2 killed');
    expect(topology.calls).toEqual(['killed:app2']);
    const again = await call(control, 'POST', '/api/replicas/app2/kill');
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ statusCode: 409, error: 'conflict', message: expect.stringMatching(/app2 is already killed/) });
    expect(topology.calls).toHaveLength(1);
  });

  it('answers 404 with the replica list for an unknown name', async () => {
    const { status, body } = await call(control, 'POST', '/api/replicas/app9/stop');
    expect(status).toBe(404);
    expect(body.replicas).toEqual(['app1', 'app2', 'app3']);
    expect(body).toMatchObject({ statusCode: 404, error: 'unknown_replica', message: expect.stringMatching(/app9/) });
  });

  it('maps a driver error to 500 with its message', async () => {
    await call(control, 'POST', '/api/replicas/app1/stop');
    const { status, body } = await call(control, 'POST', '/api/replicas/app1/start');
    expect(status).toBe(500);
    expect(body).toEqual({ statusCode: 500, error: 'internal_error', message: 'driver exploded' });
  });

  it('marks down and drains through their own topology calls, and refuses each twice', async () => {
    const statuses = [];
    for (const action of ['mark-down', 'mark-down', 'mark-up', 'mark-up', 'drain', 'drain', 'undrain', 'undrain']) statuses.push(await post(control, 'app3', action));
    expect(statuses).toEqual([200, 409, 200, 409, 200, 409, 200, 409]);
    expect(topology.calls).toEqual(['mark-down:app3', 'mark-up:app3', 'drain:app3', 'undrain:app3']);
  });

  it('refuses a drain that cannot mean anything, naming the way out', async () => {
    expect([await post(control, 'app3', 'mark-down'), await post(control, 'app2', 'drain')]).toEqual([200, 200]);
    const down = await call(control, 'POST', '/api/replicas/app3/drain');
    expect([down.status, down.body.message]).toEqual([409, 'cannot drain app3: it is marked down (no traffic at all); bring it back first: mark-up app3']);
    const last = await call(control, 'POST', '/api/replicas/app1/drain');
    expect([last.status, last.body.message]).toEqual([409, 'cannot drain app1: no other replica would take new clients']);
  });

  it('validates scale and refuses redis actions without redis', async () => {
    const bad = await call(control, 'POST', '/api/scale', { body: '{"replicas":0}' });
    expect(bad.status).toBe(400);
    const redis = await call(control, 'POST', '/api/redis/pause');
    expect(redis.status).toBe(409);
    expect(redis.body.message).toMatch(/no Redis/);
  });

  it('calls onDown only after answering POST /api/down', async () => {
    const { status } = await call(control, 'POST', '/api/down');
    expect(status).toBe(200);
    expect(downCalls).toBe(1);
  });

  it('answers every refusal as cart-api and the balancers do: {statusCode, error: a code, message: a sentence}', async () => {
    const raw = (init: { method: string; headers?: Record<string, string>; body?: string }, path = '/api/scale') =>
      new Promise<{ status: number; body: unknown }>((resolve, reject) => {
        const req = request(control.url + path, { method: init.method, headers: init.headers }, (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString())).on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        });
        req.on('error', reject);
        req.end(init.body);
      });
    const cases: [string, Promise<{ status: number; body: unknown }>, number, string][] = [
      ['bad JSON', raw({ method: 'POST', body: '{"replicas": 2' }), 400, 'invalid_json'],
      ['a JSON array', raw({ method: 'POST', body: '[2]' }), 400, 'invalid_json'],
      ['unknown action', raw({ method: 'POST' }, '/api/replicas/app1/explode'), 404, 'unknown_action'],
      ['foreign Host', raw({ method: 'POST', headers: { host: 'evil.example' } }), 403, 'foreign_host'],
      ['foreign Origin', raw({ method: 'POST', headers: { origin: 'http://evil.example' } }), 403, 'cross_origin'],
      ['too large a body', raw({ method: 'POST', body: JSON.stringify({ replicas: 2, pad: 'x'.repeat(4_000_000) }) }), 413, 'body_too_large'],
      ['unknown route', raw({ method: 'GET' }, '/api/nope'), 404, 'not_found'],
      ['wrong method', raw({ method: 'DELETE' }, '/api/status'), 405, 'method_not_allowed'],
    ];
    for (const [what, answer, status, code] of cases) {
      const { status: got, body } = await answer;
      expect([what, got, body]).toEqual([what, status, expect.objectContaining({ statusCode: status, error: code, message: expect.stringMatching(/^\S.{8,}/) })]);
    }
    expect(topology.calls).toEqual([]);
  });

  it('refuses cross-origin and foreign-Host requests', async () => {
    const cross = await call(control, 'POST', '/api/replicas/app1/kill', { headers: { origin: 'http://evil.example' } });
    expect(cross.status).toBe(403);
    // fetch cannot forge Host (a forbidden header); a DNS-rebinding page would send its own name
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request(`${control.url}/api/replicas/app1/kill`, { method: 'POST', headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(rebound).toBe(403);
    expect(topology.calls).toEqual([]);
  });

  it('accepts only its own Origin: a page on another loopback port is refused with 403 JSON', async () => {
    const port = control.port === 65535 ? 65534 : control.port + 1;
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, 'http://127.0.0.1', `https://127.0.0.1:${control.port}`, 'null']) {
      const refused = await call(control, 'POST', '/api/replicas/app1/kill', { headers: { origin } });
      expect([origin, refused.status]).toEqual([origin, 403]);
      expect(refused.body).toEqual({ statusCode: 403, error: 'cross_origin', message: expect.stringMatching(/cross-origin request from .* refused/) });
    }
    expect(topology.calls).toEqual([]);
    const own = await call(control, 'POST', '/api/replicas/app1/kill', { headers: { origin: control.url } });
    expect(own.status).toBe(200);
    expect(topology.calls).toEqual(['killed:app1']);
  });

  it('answers 404 JSON outside /api when there is no dashboard page', async () => {
    const res = await fetch(`${control.url}/nope`);
    expect(res.status).toBe(404);
  });

  it('refuses changes once quiescing, after the one in progress finished', async () => {
    let open: () => void = () => undefined;
    let entered = false;
    topology.pause = async () => {
      entered = true;
      await new Promise<void>((r) => (open = r));
    };
    const inFlight = call(control, 'POST', '/api/replicas/app1/pause');
    await waitFor('the pause to reach the topology', () => entered);
    let quiet = false;
    const quiescing = control.quiesce().then(() => (quiet = true));
    expect((await call(control, 'POST', '/api/replicas/app2/kill')).status).toBe(503);
    expect((await call(control, 'GET', '/api/status')).status).toBe(200);
    expect(quiet).toBe(false);
    open();
    await quiescing;
    expect((await inFlight).status).toBe(200);
  });

  it('draws every change made through the API on the dashboard timeline, a broken one as unknown', async () => {
    await call(control, 'POST', '/api/replicas/app2/kill');
    await call(control, 'POST', '/api/replicas/app2/start'); // the fake driver throws
    await call(control, 'POST', '/api/replicas/app2/kill'); // refused (409): nothing happened, nothing drawn
    const html = await (await fetch(`${control.url}/dash/timeline`)).text();
    expect([...html.matchAll(/<text [^>]*class="fault"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['kill app2', 'start app2 (unknown)']);
  });

  it('answers 405 for a wrong method', async () => {
    expect((await call(control, 'POST', '/api/status')).status).toBe(405);
  });

  it('restarts and reloads the balancer, and names the engine in the answer and the status', async () => {
    const restart = await call(control, 'POST', '/api/balancer/restart');
    expect(restart.status).toBe(200);
    expect(restart.body.message).toMatch(/^nginx restarted: a new process on the same address/);
    expect(restart.body.status).toMatchObject({ balancer: { engine: 'nginx', state: 'running' } });
    const reload = await call(control, 'POST', '/api/balancer/reload');
    expect(reload.body.message).toBe('nginx reloaded gracefully with the same config');
    expect(topology.calls).toEqual(['restart:balancer', 'reload:balancer']);
  });

  it('refuses an unknown balancer action (404 with the list) and GET (405)', async () => {
    const bad = await call(control, 'POST', '/api/balancer/explode');
    expect(bad).toEqual({ status: 404, body: { statusCode: 404, error: 'unknown_action', message: 'unknown balancer action "explode"', actions: ['restart', 'reload'] } });
    expect((await call(control, 'GET', '/api/balancer/restart')).status).toBe(405);
    expect(topology.calls).toEqual([]);
  });

  it('refuses to reload a dead balancer with 409 and restarts it', async () => {
    topology.balancerState.now = 'dead';
    const reload = await call(control, 'POST', '/api/balancer/reload');
    expect(reload).toEqual({ status: 409, body: { statusCode: 409, error: 'conflict', message: 'cannot reload nginx: it is dead (restart it instead)' } });
    const restart = await call(control, 'POST', '/api/balancer/restart');
    expect(restart.status).toBe(200);
    expect(restart.body.status).toMatchObject({ balancer: { state: 'running' } });
    expect(topology.calls).toEqual(['restart:balancer']);
  });

  it('queues a flood of restarts one at a time and refuses past the bound with 429 JSON', async () => {
    let open: () => void = () => undefined;
    topology.gate.wait = new Promise<void>((r) => (open = r));
    let answered = 0;
    const flood = Array.from({ length: 12 }, () => call(control, 'POST', '/api/balancer/restart').finally(() => (answered += 1)));
    // One restart runs and holds the queue, three wait behind it, the other eight are refused at once.
    await waitFor('the requests past the bound to be refused', () => answered === 12 - MAX_QUEUED_CHANGES);
    expect(topology.calls).toEqual(['restart:balancer']);
    open();
    const answers = await Promise.all(flood);
    const ok = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 429);
    expect(ok.length + refused.length).toBe(12);
    expect(ok).toHaveLength(MAX_QUEUED_CHANGES);
    expect(refused[0].body).toMatchObject({ statusCode: 429, error: 'too_many_requests', message: expect.stringMatching(/changes are already queued; try again when they are done/) });
    expect(topology.calls).toHaveLength(MAX_QUEUED_CHANGES);
  });
});

describe('control server before the topology is attached', () => {
  it('answers 503 while the lab is starting', async () => {
    const control = await ControlServer.listen({ port: 0 });
    try {
      const res = await fetch(`${control.url}/api/status`);
      expect(res.status).toBe(503);
    } finally {
      await control.close();
    }
  });
});
