// The promises of the Topology interface, written once: the topology project
// runs them on the drivers LAB_DRIVER names (topology-contract.test.ts), the
// Docker project on the compose driver (test/docker/engine/contract.docker.ts).
// A case that changes the topology for good boots its own; the others borrow
// one shared topology that is checked before each lend (./shared.ts).
import { LabClient } from '../../apps/lab/src/client';
import { createTopology, Topology, TopologyError } from '../../apps/lab/src/topology';
import type { BalancerEngine, CreateTopologyOptions, ReplicaInfo } from '../../apps/lab/src/topology';
import { waitFor } from '../../apps/lab/src/util/wait';
import { many } from '../support/probe';
import { noteSkip } from '../support/skip';
import type { ContractDriver } from '../support/topology-contract';
import { sharedTopology, SharedTopology } from './shared';


/** The contract runs once per driver and balancer engine. */
export interface ContractTarget extends ContractDriver {
  /** Default nginx. */
  balancer?: BalancerEngine;
}

async function booted<T>(c: ContractTarget, opts: Partial<CreateTopologyOptions>, body: (t: Topology) => Promise<T>): Promise<T> {
  const topo = await createTopology({ driver: c.driver, balancer: c.balancer, strategy: 'round-robin', store: 'memory', replicas: 2, ...opts });
  try {
    return await body(topo);
  } finally {
    await topo.down();
  }
}

async function replica(t: Topology, name: string): Promise<ReplicaInfo> {
  const r = (await t.status()).replicas.find((x) => x.name === name);
  if (!r) throw new Error(`${name} not in status`);
  return r;
}

const names = async (t: Topology) => (await t.status()).replicas.map((r) => r.name);

/** Every promise of the Topology interface, as `it`s for driver and balancer `c` (call inside a describe). */
export function contract(target: ContractTarget): void {
  const c = { ...target, balancer: target.balancer ?? 'nginx' };
  const shared = sharedTopology({ driver: c.driver, balancer: c.balancer, strategy: 'round-robin', store: 'memory', replicas: 2 });
  afterAll(() => shared.down());
  it('status names the driver, strategy, store and balancer, no sticky form for a non-sticky strategy, and every replica running', () =>
    shared.lend(async (t) => {
      const status = await t.status();
      expect(status).toMatchObject({ driver: c.driver, strategy: 'round-robin', store: 'memory', balancer: { engine: c.balancer, sticky: 'n/a' } });
      expect(status.replicas.map((r) => [r.name, r.state, r.markedDown])).toEqual([['app1', 'running', false], ['app2', 'running', false]]);
    }));

  it('refuses unknown replicas, illegal transitions and bad counts with TopologyErrors, changing nothing', () =>
    shared.lend(async (t) => {
      const before = await t.status();
      const unknown = [t.stop('app9'), t.kill('app9'), t.pause('app9'), t.resume('app9'), t.start('app9'), t.removeReplica('app9'), t.markDown('app9', true)];
      for (const call of unknown) {
        await expect(call).rejects.toThrow('no replica named app9 (have app1, app2)');
        await expect(call).rejects.toBeInstanceOf(TopologyError);
      }
      await expect(t.start('app1')).rejects.toThrow('app1 is already running');
      await expect(t.resume('app1')).rejects.toThrow('app1 is already running');
      await expect(t.scale(0)).rejects.toThrow('scale needs a whole number of replicas ≥ 1, got 0');
      await expect(t.scale(1.5)).rejects.toThrow('got 1.5');
      await expect(t.redisPause()).rejects.toThrow('the memory store runs no Redis');
      await expect(t.redisRestart()).rejects.toBeInstanceOf(TopologyError);
      await expect(t.redisKill()).rejects.toThrow('the memory store runs no Redis');
      expect(await t.status()).toEqual(before);
    }));

  it('stop, kill, pause, resume and start move the state status reports; start returns on the same address', () =>
    shared.lend(async (t) => {
      const first = await replica(t, 'app1');
      await t.stop('app1');
      expect(await replica(t, 'app1')).toMatchObject({ state: 'stopped', pid: undefined });
      await expect(t.stop('app1')).rejects.toThrow('app1 is already stopped');
      await expect(t.pause('app1')).rejects.toThrow('cannot pause app1: it is stopped (start it first)');
      await t.start('app1');
      expect(await replica(t, 'app1')).toMatchObject({ state: 'running', url: first.url, port: first.port });

      await t.kill('app2');
      expect(await replica(t, 'app2')).toMatchObject({ state: 'killed', pid: undefined });
      await expect(t.kill('app2')).rejects.toThrow('app2 is already killed');
      await t.start('app2');

      await t.pause('app2');
      expect((await replica(t, 'app2')).state).toBe('paused');
      await expect(t.pause('app2')).rejects.toThrow('app2 is already paused');
      await t.resume('app2');
      expect((await replica(t, 'app2')).state).toBe('running');

      // Through the balancer, both are served again.
      const u = new LabClient({ name: 'u', baseUrl: t.url });
      try {
        const seen = new Set<string>();
        await waitFor('nginx to route to app1 and app2', async () => {
          const r = await u.root();
          if (r.servedBy) seen.add(r.servedBy);
          return seen.size === 2;
        }, { timeoutMs: 20_000, intervalMs: 100 });
      } finally {
        u.close();
      }
    }));

  it('runs concurrent changes one at a time: two adds get two names, scale and remove leave a coherent list', () =>
    booted(c, {}, async (t) => {
      const added = await Promise.all([t.addReplica(), t.addReplica()]);
      expect(added.sort()).toEqual(['app3', 'app4']);
      expect(await names(t)).toEqual(['app1', 'app2', 'app3', 'app4']);
      const results = await Promise.allSettled([t.markDown('app3', true), t.removeReplica('app3'), t.markDown('app3', false)]);
      // In queue order: marked down, removed, then unknown.
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
      expect(await names(t)).toEqual(['app1', 'app2', 'app4']);
      await t.scale(1);
      expect(await names(t)).toEqual(['app1']);
      await expect(t.removeReplica('app1')).rejects.toThrow('cannot remove app1: it is the last replica');
      const status = await t.status();
      expect(status.replicas).toEqual([expect.objectContaining({ name: 'app1', state: 'running', markedDown: false })]);
    }));

  it('markDown takes a replica out of the balancer\'s answers and status says so; undone, it serves again', () =>
    shared.lend(async (t) => {
      await t.markDown('app2', true);
      expect(await replica(t, 'app2')).toMatchObject({ markedDown: true, state: 'running' });
      await servesAll(t, ['app1']);
      await t.markDown('app2', false);
      expect((await replica(t, 'app2')).markedDown).toBe(false);
      await servesAll(t, ['app1', 'app2']);
    }));

  it(DRAIN_CASE, () => booted(c, { strategy: 'sticky-cookie' }, drainHoldsBoundClients));

  const redisWhy = c.unavailable('redis');
  if (redisWhy) noteSkip(`contract redis ops on ${c.driver}: ${redisWhy}`);
  (redisWhy ? it.skip : it)('redis pause, resume, restart and kill follow the table, and status says so', async () => {
    await booted(c, { store: 'redis', replicas: 1 }, async (t) => {
      const redis = async () => (await t.status()).redis;
      expect(await redis()).toMatchObject({ state: 'running' });
      await expect(t.redisResume()).rejects.toThrow('cannot resume redis: it is running');
      await t.redisPause();
      expect((await redis())?.state).toBe('paused');
      await expect(t.redisPause()).rejects.toThrow('cannot pause redis: it is paused');
      await t.redisResume();
      await t.redisRestart();
      expect((await redis())?.state).toBe('running');
      await t.redisKill();
      expect((await redis())?.state).toBe('stopped');
      await expect(t.redisKill()).rejects.toThrow('cannot kill redis: it is stopped');
      await t.redisRestart();
      expect((await redis())?.state).toBe('running');
    });
  });

  if (!c.killFromOutside) noteSkip(`contract kill-from-outside on ${c.driver}: the suite has no outside kill for it yet`);
  (c.killFromOutside ? it : it.skip)('status follows a replica killed from outside the lab, and start works on it', async () => {
    await shared.lend(async (t) => {
      await c.killFromOutside!(t, 'app2');
      await waitFor('status to say app2 is not running', async () => (await replica(t, 'app2')).state === 'killed', { timeoutMs: 15_000 });
      await t.start('app2');
      expect((await replica(t, 'app2')).state).toBe('running');
    });
  });

  balancerContract(c, shared);

  it('down is idempotent, leaves the topology refusing changes', async () => {
    const t = await createTopology({ driver: c.driver, balancer: c.balancer, strategy: 'round-robin', store: 'memory', replicas: 1 });
    await Promise.all([t.down(), t.down()]);
    await expect(t.down()).resolves.toBeUndefined();
    await expect(t.addReplica()).rejects.toThrow('topology is down');
    await expect(t.stop('app1')).rejects.toThrow('topology is down');
  });
}


/** Every replica in `expected` answers through the balancer, and no other in at least 12 answers (bounded). */
async function servesAll(t: Topology, expected: string[]): Promise<void> {
  const u = new LabClient({ name: 'u', baseUrl: t.url });
  try {
    const seen = new Set<string>();
    let answers = 0;
    await waitFor(`the balancer to route to ${expected.join(' and ')}`, async () => {
      const r = await u.root();
      if (r.servedBy) {
        seen.add(r.servedBy);
        answers += 1;
      }
      return answers >= 12 && expected.every((n) => seen.has(n));
    }, { timeoutMs: 20_000, intervalMs: 50 });
    expect([...seen].sort()).toEqual(expected);
  } finally {
    u.close();
  }
}

export const DRAIN_CASE = 'drain: a client the route cookie binds keeps the draining replica, new clients never get it, undrain restores it';

/** The drain promise on a sticky-cookie topology of two replicas (also run on Compose behind HAProxy). */
export async function drainHoldsBoundClients(t: Topology): Promise<void> {
  await t.drain('app2', true);
  expect(await replica(t, 'app2')).toMatchObject({ draining: true, markedDown: false, state: 'running' });
  expect(await many(`${t.url}/`, 6, { headers: { cookie: 'route=app2' } })).toEqual({ app2: 6 });
  expect(await many(`${t.url}/`, 8)).toEqual({ app1: 8 });
  await expect(t.drain('app1', true)).rejects.toThrow('cannot drain app1: no other replica would take new clients');
  await t.drain('app2', false);
  expect((await replica(t, 'app2')).draining).toBe(false);
  expect(Object.keys(await many(`${t.url}/`, 8)).sort()).toEqual(['app1', 'app2']);
}

const balancerOf = async (t: Topology) => (await t.status()).balancer;

function balancerContract(c: Required<Pick<ContractTarget, 'balancer'>> & ContractTarget, shared: SharedTopology): void {
  it('reloadBalancer keeps the process and the address; restartBalancer starts a new process on the same address', () =>
    shared.lend(async (t) => {
      const before = await balancerOf(t);
      expect(before).toMatchObject({ engine: c.balancer, state: 'running' });
      expect(t.balancer).toBe(c.balancer);
      await t.reloadBalancer();
      const reloaded = await balancerOf(t);
      expect(reloaded).toMatchObject({ engine: c.balancer, state: 'running' });
      if (before.pid !== undefined) expect(reloaded.pid).toBe(before.pid);
      const url = t.url;
      await t.restartBalancer();
      const restarted = await balancerOf(t);
      expect(restarted.state).toBe('running');
      if (before.pid !== undefined) expect(restarted.pid).not.toBe(before.pid);
      expect(t.url).toBe(url);
      expect((await t.status()).url).toBe(url);
      await servesAll(t, ['app1', 'app2']);
    }));

  it('restartBalancer while a replica is stopped: the stopped one stays stopped and out of the answers, the other serves', () =>
    shared.lend(async (t) => {
      await t.stop('app2');
      await t.restartBalancer();
      expect((await replica(t, 'app2')).state).toBe('stopped');
      await servesAll(t, ['app1']);
      await t.start('app2');
      await servesAll(t, ['app1', 'app2']);
    }));

  it('concurrent balancer operations run one at a time and all resolve', () =>
    shared.lend(async (t) => {
      const ops = await Promise.allSettled([t.restartBalancer(), t.reloadBalancer(), t.restartBalancer(), t.markDown('app2', true)]);
      expect(ops.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      expect(await balancerOf(t)).toMatchObject({ state: 'running' });
      expect((await replica(t, 'app2')).markedDown).toBe(true);
      await servesAll(t, ['app1']);
      // The config is the last one rendered: a restart keeps the mark-down.
      await t.restartBalancer();
      expect((await replica(t, 'app2')).markedDown).toBe(true);
      await servesAll(t, ['app1']);
      // As it was found: the next case borrows this topology.
      await t.markDown('app2', false);
    }));

  it('a balancer that died on its own is dead in status, refuses reload and markDown, and restart brings it back', () =>
    shared.lend(async (t) => {
      await c.killBalancerFromOutside(t);
      await waitFor('status to say the balancer is dead', async () => (await balancerOf(t)).state === 'dead', { timeoutMs: 10_000 });
      expect((await balancerOf(t)).pid).toBeUndefined();
      await expect(t.reloadBalancer()).rejects.toThrow(new RegExp(`${c.balancer} is dead`));
      await expect(t.reloadBalancer()).rejects.toBeInstanceOf(TopologyError);
      await expect(t.markDown('app1', true)).rejects.toThrow(/is dead/);
      expect((await replica(t, 'app1')).markedDown).toBe(false);
      await t.restartBalancer();
      expect(await balancerOf(t)).toMatchObject({ state: 'running' });
      await servesAll(t, ['app1', 'app2']);
    }));
}
