import { request } from 'node:http';
import { RecordingDriver } from '../../../../test/support/recording-driver';
import type { StatusRest } from '../topology/core';
import type { ReplicaInfo } from '../topology/topology';
import type { ReplicaOp } from '../topology/transitions';
import type { BalancerOp } from '../vocabulary';
import { waitFor } from '../util/wait';
import { MAX_QUEUED_CHANGES } from './api';
import { ControlServer, startControlServer } from './server';

// The control server's HTTP contract (routes, status codes, refusals) over
// the real topology core with a driver that only records; the real drivers
// behind it are exercised by test/lab/cli-*.test.ts through the built CLI.

/** The recording driver, plus a balancer state the test sets and operations it holds once begun. */
class HeldDriver extends RecordingDriver {
  balancerState: 'running' | 'dead' = 'running';
  private held?: { ops: ReadonlySet<string>; until: Promise<void> };

  /** Holds each of `ops` after it began until the returned function is called, so requests pile up behind it. */
  hold(...ops: (ReplicaOp | BalancerOp)[]): () => void {
    let open: () => void = () => undefined;
    this.held = { ops: new Set(ops), until: new Promise<void>((r) => (open = r)) };
    return open;
  }

  protected async replicaOp(name: string, op: ReplicaOp) {
    await super.replicaOp(name, op);
    if (this.held?.ops.has(op)) await this.held.until;
  }

  protected async balancerOp(op: BalancerOp) {
    await super.balancerOp(op);
    if (this.held?.ops.has(op)) await this.held.until;
    if (op === 'restart') this.balancerState = 'running';
  }

  protected statusRest(): StatusRest {
    const rest = super.statusRest();
    return { ...rest, balancer: { ...rest.balancer, state: this.balancerState } };
  }

  /** What reached the driver, one entry per operation begun (boot excluded). */
  begun(): string[] {
    return this.calls.filter((c) => c.endsWith(':begin')).map((c) => c.replace(':begin', ''));
  }
}

async function bootedTopology(): Promise<HeldDriver> {
  const topology = new HeldDriver({ strategy: 'ip-hash' });
  await topology.boot(3);
  topology.calls.length = 0;
  return topology;
}

async function call(control: ControlServer, method: string, path: string, init: RequestInit = {}) {
  const res = await fetch(control.url + path, { method, ...init });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const post = async (control: ControlServer, name: string, action: string) => (await call(control, 'POST', `/api/replicas/${name}/${action}`)).status;

describe('control server', () => {
  let control: ControlServer;
  let topology: HeldDriver;
  let downCalls = 0;

  beforeEach(async () => {
    topology = await bootedTopology();
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
    expect(topology.begun()).toEqual(['kill app2']);
    const again = await call(control, 'POST', '/api/replicas/app2/kill');
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ statusCode: 409, error: 'conflict', message: expect.stringMatching(/app2 is already killed/) });
    expect(topology.begun()).toHaveLength(1);
  });

  it('answers 404 with the replica list for an unknown name', async () => {
    const { status, body } = await call(control, 'POST', '/api/replicas/app9/stop');
    expect(status).toBe(404);
    expect(body.replicas).toEqual(['app1', 'app2', 'app3']);
    expect(body).toMatchObject({ statusCode: 404, error: 'unknown_replica', message: expect.stringMatching(/app9/) });
  });

  it('maps a driver error to 500 with its message', async () => {
    await call(control, 'POST', '/api/replicas/app1/stop');
    topology.breakOps.add('start');
    const { status, body } = await call(control, 'POST', '/api/replicas/app1/start');
    expect(status).toBe(500);
    expect(body).toEqual({ statusCode: 500, error: 'internal_error', message: 'app1 did not start in time' });
  });

  it('marks down and drains through the balancer, and refuses each twice', async () => {
    const statuses = [];
    for (const action of ['mark-down', 'mark-down', 'mark-up', 'mark-up', 'drain', 'drain', 'undrain', 'undrain']) statuses.push(await post(control, 'app3', action));
    expect(statuses).toEqual([200, 409, 200, 409, 200, 409, 200, 409]);
    expect(topology.begun()).toEqual(['balancer app1,app2,app3(down)', 'balancer app1,app2,app3', 'balancer app1,app2,app3(drain)', 'balancer app1,app2,app3']);
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
    expect(topology.begun()).toEqual([]);
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
    expect(topology.begun()).toEqual([]);
  });

  it('accepts only its own Origin: a page on another loopback port is refused with 403 JSON', async () => {
    const port = control.port === 65535 ? 65534 : control.port + 1;
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, 'http://127.0.0.1', `https://127.0.0.1:${control.port}`, 'null']) {
      const refused = await call(control, 'POST', '/api/replicas/app1/kill', { headers: { origin } });
      expect([origin, refused.status]).toEqual([origin, 403]);
      expect(refused.body).toEqual({ statusCode: 403, error: 'cross_origin', message: expect.stringMatching(/cross-origin request from .* refused/) });
    }
    expect(topology.begun()).toEqual([]);
    const own = await call(control, 'POST', '/api/replicas/app1/kill', { headers: { origin: control.url } });
    expect(own.status).toBe(200);
    expect(topology.begun()).toEqual(['kill app1']);
  });

  it('answers 404 JSON outside /api when there is no dashboard page', async () => {
    const res = await fetch(`${control.url}/nope`);
    expect(res.status).toBe(404);
  });

  it('refuses changes once quiescing, after the one in progress finished', async () => {
    const open = topology.hold('pause');
    const inFlight = call(control, 'POST', '/api/replicas/app1/pause');
    await waitFor('the pause to reach the driver', () => topology.begun().includes('pause app1'));
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
    topology.breakOps.add('start');
    await call(control, 'POST', '/api/replicas/app2/start'); // the driver throws: app2 stays killed
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
    expect(topology.begun()).toEqual(['balancer restart', 'balancer reload']);
  });

  it('refuses an unknown balancer action (404 with the list) and GET (405)', async () => {
    const bad = await call(control, 'POST', '/api/balancer/explode');
    expect(bad).toEqual({ status: 404, body: { statusCode: 404, error: 'unknown_action', message: 'unknown balancer action "explode"', actions: ['restart', 'reload'] } });
    expect((await call(control, 'GET', '/api/balancer/restart')).status).toBe(405);
    expect(topology.begun()).toEqual([]);
  });

  it('refuses to reload a dead balancer with 409 and restarts it', async () => {
    topology.balancerState = 'dead';
    const reload = await call(control, 'POST', '/api/balancer/reload');
    expect(reload).toEqual({ status: 409, body: { statusCode: 409, error: 'conflict', message: 'cannot reload nginx: it is dead (restart it instead)' } });
    const restart = await call(control, 'POST', '/api/balancer/restart');
    expect(restart.status).toBe(200);
    expect(restart.body.status).toMatchObject({ balancer: { state: 'running' } });
    expect(topology.begun()).toEqual(['balancer restart']);
  });

  it('queues a flood of restarts one at a time and refuses past the bound with 429 JSON', async () => {
    const open = topology.hold('restart');
    let answered = 0;
    const flood = Array.from({ length: 12 }, () => call(control, 'POST', '/api/balancer/restart').finally(() => (answered += 1)));
    // One restart runs and holds the queue, three wait behind it, the other eight are refused at once.
    await waitFor('the requests past the bound to be refused and one restart to begin', () => answered === 12 - MAX_QUEUED_CHANGES && topology.begun().length > 0);
    expect(topology.begun()).toEqual(['balancer restart']);
    open();
    const answers = await Promise.all(flood);
    const ok = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 429);
    expect(ok.length + refused.length).toBe(12);
    expect(ok).toHaveLength(MAX_QUEUED_CHANGES);
    expect(refused[0].body).toMatchObject({ statusCode: 429, error: 'too_many_requests', message: expect.stringMatching(/changes are already queued; try again when they are done/) });
    expect(topology.begun()).toHaveLength(MAX_QUEUED_CHANGES);
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
