// The rollout's own rules on the real topology core with a driver that only
// records (its refusals and queue are the ones a real lab has); the replicas
// answer /stats from a real local HTTP server (the counter is what the test
// moves). Through nginx with real replicas: test/scenarios/rollout-drain.test.ts.
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RecordingDriver } from '../../../../test/support/recording-driver';
import { startControlServer } from '../control';
import type { ReplicaInfo } from '../topology/topology';
import { checkDrainWait, rollout, RolloutError, rolloutRefusal } from './rollout';

/** The recording driver whose replicas' /stats are the test's counters. */
class StatsDriver extends RecordingDriver {
  onDrain?: (name: string, on: boolean) => void;

  constructor(private readonly statsBase: string) {
    super({ strategy: 'sticky-cookie' });
  }

  override async drain(name: string, on: boolean): Promise<void> {
    await super.drain(name, on);
    this.onDrain?.(name, on);
  }

  protected override replicaDetails(name: string): Omit<ReplicaInfo, 'name' | 'state' | 'markedDown'> {
    return { url: `${this.statsBase}/${name}` };
  }
}

interface Fixture {
  topo: StatsDriver;
  served: Record<string, number>;
  /** What the core asked of the driver since boot, one entry per step. */
  calls(): string[];
  close(): Promise<void>;
}

async function booted(): Promise<Fixture> {
  const served: Record<string, number> = { app1: 0, app2: 0, app3: 0 };
  const server: Server = createServer((req, res) => {
    const name = req.url!.split('/')[1];
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ requests_served: served[name], sessions: 0, rss_bytes: 1, uptime_s: 1 }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const topo = new StatsDriver(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  await topo.boot(3);
  topo.calls.length = 0;
  return {
    topo,
    served,
    calls: () => topo.calls.filter((c) => c.endsWith(':begin')).map((c) => c.replace(':begin', '')),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const ALL = 'balancer app1,app2,app3';
/** The balancer step that drains `name` (sticky-cookie: its bound clients keep it). */
const draining = (name: string) => `balancer ${['app1', 'app2', 'app3'].map((n) => (n === name ? `${n}(drain)` : n)).join(',')}`;

describe('rollout', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await booted();
  });
  afterEach(() => f.close());

  it('drains, restarts and undrains each replica in turn; no wait means no polling', async () => {
    const result = await rollout(f.topo, { drainWaitMs: 0 });
    expect(f.calls()).toEqual(['app1', 'app2', 'app3'].flatMap((n) => [draining(n), `stop ${n}`, `start ${n}`, ALL]));
    expect(result.steps.map((s) => s.ended)).toEqual(['no-wait', 'no-wait', 'no-wait']);
  });

  it('waits while the drained replica still serves, and stops once it stood still for the idle time', async () => {
    let ticker: NodeJS.Timeout | undefined;
    f.topo.onDrain = (n, on) => {
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
    await f.topo.stop('app2');
    f.topo.calls.length = 0;
    await expect(rollout(f.topo, { drainWaitMs: 0 })).rejects.toThrow('cannot roll out: app2 is not serving normally (it is stopped); bring it back first: start app2');
    expect(f.calls()).toEqual([]);
    await f.topo.start('app2');
    await f.topo.markDown('app3', true);
    f.topo.calls.length = 0;
    await expect(rollout(f.topo, { drainWaitMs: 0 })).rejects.toThrow('app3 is not serving normally (it is marked down); bring it back first: mark-up app3');
    expect(f.calls()).toEqual([]);
  });

  it('a replica dying while it drains ends the rollout with the truth: undrained, left dead, what was rolled', async () => {
    f.topo.onDrain = (n, on) => {
      // Killed from outside: the driver sees it, the core did not do it.
      if (n === 'app2' && on) setTimeout(() => f.topo.states.set('app2', 'killed'), 100);
    };
    const err = (await rollout(f.topo, { drainWaitMs: 5_000, idleMs: 2_000 }).catch((e: unknown) => e)) as RolloutError;
    expect(err).toBeInstanceOf(RolloutError);
    expect(err.message).toBe('app2 died while draining (it is killed); it was undrained and left killed; rolled: app1');
    expect(err.steps.map((s) => s.replica)).toEqual(['app1']);
    expect(f.calls().slice(-2)).toEqual([draining('app2'), ALL]);
    expect(f.calls()).not.toContain('start app2');
  });

  it('a restart that fails is reported with the state it left, undrained', async () => {
    f.topo.breakOps.add('start');
    const err = (await rollout(f.topo, { drainWaitMs: 0 }).catch((e: unknown) => e)) as RolloutError;
    expect(err.message).toBe('restarting app1 failed (app1 did not start in time); it is stopped and undrained; no replica was rolled');
    expect(f.calls()).toEqual([draining('app1'), 'stop app1', 'start app1', ALL]);
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
        expect(r.body).toMatchObject({ statusCode: 400, error: 'invalid_argument', message: expect.stringMatching(/drain_wait_s/) });
      }
      await f.topo.pause('app1');
      const refused = await post({ drain_wait_s: 0 });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/app1 is not serving normally \(it is paused\); bring it back first: resume app1$/);
      await f.topo.resume('app1');
      const ok = await post({ drain_wait_s: 0 });
      expect(ok.status).toBe(200);
      expect((ok.body.steps as unknown[]).length).toBe(3);
    } finally {
      await control.close();
    }
  });
});
