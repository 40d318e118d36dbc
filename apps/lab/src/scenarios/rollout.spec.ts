// The rollout's own rules against a scripted topology whose replicas answer
// /stats from a real local HTTP server (the counter is what the test moves).
// Through nginx with real replicas: test/scenarios/rollout-drain.test.ts.
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startControlServer } from '../control';
import type { ReplicaInfo, ReplicaState, Topology, TopologyStatus } from '../topology/topology';
import { checkDrainWait, rollout, RolloutError, rolloutRefusal } from './rollout';

interface Fake {
  topo: Topology;
  calls: string[];
  replicas: ReplicaInfo[];
  served: Record<string, number>;
  close(): Promise<void>;
  onDrain?: (name: string, on: boolean) => void;
  failStart?: boolean;
}

async function fakeTopology(): Promise<Fake> {
  const served: Record<string, number> = { app1: 0, app2: 0, app3: 0 };
  const server: Server = createServer((req, res) => {
    const name = req.url!.split('/')[1];
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ requests_served: served[name], sessions: 0, rss_bytes: 1, uptime_s: 1 }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const replicas: ReplicaInfo[] = ['app1', 'app2', 'app3'].map((name) => ({ name, state: 'running', markedDown: false, draining: false, url: `${base}/${name}` }));
  const calls: string[] = [];
  const find = (n: string) => replicas.find((r) => r.name === n)!;
  const set = (n: string, state: ReplicaState) => (find(n).state = state);
  const fake: Fake = { topo: undefined as unknown as Topology, calls, replicas, served, close: () => new Promise((r) => server.close(() => r())) };
  const impl: Partial<Topology> = {
    driver: 'process',
    strategy: 'sticky-cookie',
    store: 'memory',
    status: async (): Promise<TopologyStatus> => ({
      driver: 'process', strategy: 'sticky-cookie', store: 'memory', session: { ttlSeconds: 1800, max: 100_000 }, url: base, replicas: replicas.map((r) => ({ ...r })), balancer: { engine: 'nginx', version: 'x', sticky: 'portable' },
    }),
    drain: async (n, on) => {
      calls.push(`${on ? 'drain' : 'undrain'} ${n}`);
      find(n).draining = on;
      fake.onDrain?.(n, on);
    },
    stop: async (n) => void (calls.push(`stop ${n}`), set(n, 'stopped')),
    start: async (n) => {
      calls.push(`start ${n}`);
      if (fake.failStart) throw new Error('not ready within 30 s');
      set(n, 'running');
    },
  };
  fake.topo = new Proxy(impl, {
    get: (t, k) => (k in t ? t[k as keyof Topology] : () => Promise.reject(new Error(`unexpected ${String(k)}`))),
  }) as Topology;
  return fake;
}

describe('rollout', () => {
  let f: Fake;
  beforeEach(async () => {
    f = await fakeTopology();
  });
  afterEach(() => f.close());

  it('drains, restarts and undrains each replica in turn; no wait means no polling', async () => {
    const result = await rollout(f.topo, { drainWaitMs: 0 });
    expect(f.calls).toEqual(['app1', 'app2', 'app3'].flatMap((n) => [`drain ${n}`, `stop ${n}`, `start ${n}`, `undrain ${n}`]));
    expect(result.steps.map((s) => s.ended)).toEqual(['no-wait', 'no-wait', 'no-wait']);
  });

  it('waits while the drained replica still serves, and stops once it stood still for the idle time', async () => {
    let ticker: NodeJS.Timeout | undefined;
    f.onDrain = (n, on) => {
      // app2's bound clients keep it busy for ~600 ms after the drain.
      if (n !== 'app2' || !on) return;
      const until = Date.now() + 600;
      ticker = setInterval(() => (Date.now() < until ? (f.served.app2 += 1) : clearInterval(ticker)), 50);
    };
    const result = await rollout(f.topo, { drainWaitMs: 5_000, idleMs: 300 });
    clearInterval(ticker);
    const app2 = result.steps.find((s) => s.replica === 'app2')!;
    expect(app2.ended).toBe('idle');
    expect(app2.waitedMs).toBeGreaterThanOrEqual(600 + 300 - 150);
    expect(app2.servedWhileDraining).toBeGreaterThan(0);
    expect(result.steps.find((s) => s.replica === 'app1')!.waitedMs).toBeLessThan(app2.waitedMs);
  });

  it('stops waiting when the drain wait runs out, busy or not', async () => {
    const ticker = setInterval(() => (f.served.app1 += 1), 20);
    try {
      const result = await rollout(f.topo, { drainWaitMs: 400, idleMs: 300 });
      expect(result.steps[0]).toMatchObject({ replica: 'app1', ended: 'wait-ran-out' });
      expect(result.steps[0].waitedMs).toBeLessThan(2_000);
    } finally {
      clearInterval(ticker);
    }
  });

  it('refuses to start while a replica is not serving normally, touching nothing', async () => {
    f.replicas[1].state = 'stopped';
    await expect(rollout(f.topo, { drainWaitMs: 0 })).rejects.toThrow('cannot roll out: app2 is not serving normally (it is stopped); bring it back first: start app2');
    f.replicas[1].state = 'running';
    f.replicas[2].markedDown = true;
    await expect(rollout(f.topo, { drainWaitMs: 0 })).rejects.toThrow('app3 is not serving normally (it is marked down); bring it back first: mark-up app3');
    expect(f.calls).toEqual([]);
  });

  it('a replica dying while it drains ends the rollout with the truth: undrained, left dead, what was rolled', async () => {
    f.onDrain = (n, on) => {
      if (n === 'app2' && on) setTimeout(() => (f.replicas[1].state = 'killed'), 100);
    };
    const err = (await rollout(f.topo, { drainWaitMs: 5_000, idleMs: 2_000 }).catch((e: unknown) => e)) as RolloutError;
    expect(err).toBeInstanceOf(RolloutError);
    expect(err.message).toBe('app2 died while draining (it is killed); it was undrained and left killed; rolled: app1');
    expect(err.steps.map((s) => s.replica)).toEqual(['app1']);
    expect(f.calls.slice(-2)).toEqual(['drain app2', 'undrain app2']);
    expect(f.calls).not.toContain('start app2');
  });

  it('a restart that fails is reported with the state it left, undrained', async () => {
    f.failStart = true;
    const err = (await rollout(f.topo, { drainWaitMs: 0 }).catch((e: unknown) => e)) as RolloutError;
    expect(err.message).toBe('restarting app1 failed (not ready within 30 s); it is stopped and undrained; no replica was rolled');
    expect(f.calls).toEqual(['drain app1', 'stop app1', 'start app1', 'undrain app1']);
  });

  it('bounds the drain wait', () => {
    expect(checkDrainWait(0)).toBe(0);
    for (const bad of [-1, NaN, Infinity, 600_001]) expect(() => checkDrainWait(bad)).toThrow('the drain wait must be from 0 to 600 s');
    expect(rolloutRefusal([{ name: 'app1', state: 'running', markedDown: false, draining: true }])).toMatch(/already draining\); bring it back first: undrain app1$/);
  });

  it('POST /api/rollout: 400 for a bad wait, 409 with the reason while a replica is down, 200 with the steps', async () => {
    const control = await startControlServer({ topology: f.topo, port: 0 });
    const post = async (body: unknown) => {
      const res = await fetch(`${control.url}/api/rollout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    try {
      for (const bad of [-1, 'abc', 1e9, null]) {
        const r = await post({ drain_wait_s: bad });
        expect([bad, r.status]).toEqual([bad, 400]);
        expect(r.body.error).toMatch(/drain_wait_s/);
      }
      f.replicas[0].state = 'paused';
      const refused = await post({ drain_wait_s: 0 });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatch(/app1 is not serving normally \(it is paused\); bring it back first: resume app1$/);
      f.replicas[0].state = 'running';
      const ok = await post({ drain_wait_s: 0 });
      expect(ok.status).toBe(200);
      expect((ok.body.steps as unknown[]).length).toBe(3);
    } finally {
      await control.close();
    }
  });
});
