// Topology.drain through the real nginx on the process driver: what a drain
// refuses, and ip-hash, where the address is the binding, so nothing changes
// for anyone (the documented meaning of drain under a hash strategy). The
// sticky-cookie promise (a client whose route cookie names the draining
// replica keeps it, a client without one never gets it, undrain puts it back)
// is the contract's drain case (test/contract/cases.ts, every driver and
// engine); the config it renders is nginx-drain-render.test.ts's.
import { rollout, RolloutError } from '../../apps/lab/src/scenarios/rollout';
import { waitFor } from '../../apps/lab/src/util/wait';
import { many } from '../support/probe';
import type { Topology } from '../../apps/lab/src/topology';
import { describeTopology, withTopology } from '../support/topology';

jest.setTimeout(120_000);

/** `n` requests through the topology's balancer, tallied by who answered. */
const servedBy = (topo: Topology, n: number, o: { cookie?: string; from?: string } = {}) =>
  many(`${topo.url}/`, n, { from: o.from, headers: o.cookie ? { cookie: o.cookie } : {} });

const draining = async (topo: Topology) => (await topo.status()).replicas.filter((r) => r.draining).map((r) => r.name);

describeTopology('drain on the process driver', 'memory', () => {
  it('refuses what a drain cannot mean: an unknown or stopped replica, the last one taking new clients', () =>
    withTopology({ driver: 'process', strategy: 'sticky-cookie' }, async (topo) => {
      await expect(topo.drain('app9', true)).rejects.toThrow('no replica named app9');
      await topo.stop('app3');
      await expect(topo.drain('app3', true)).rejects.toThrow('cannot drain app3: it is stopped');
      await topo.drain('app1', true);
      await topo.markDown('app2', true);
      await topo.start('app3');
      await expect(topo.drain('app3', true)).rejects.toThrow('cannot drain app3: no other replica would take new clients');
      // Nothing half-applied: app1 still drains, app3 does not.
      expect(await draining(topo)).toEqual(['app1']);
      // Undrain is always allowed (a rollout cleans up after a replica died).
      await topo.drain('app3', false);
    }));

  it('ip-hash: the address is the binding, so a drain moves nobody, new addresses included', () =>
    withTopology({ driver: 'process', strategy: 'ip-hash' }, async (topo) => {
      const addrs = Array.from({ length: 12 }, (_, i) => `127.0.${60 + i}.1`);
      const before = await Promise.all(addrs.map(async (from) => Object.keys(await servedBy(topo, 1, { from }))[0]));
      const victim = before[0];
      await topo.drain(victim, true);
      const during = await Promise.all(addrs.map(async (from) => Object.keys(await servedBy(topo, 1, { from }))[0]));
      expect(during).toEqual(before);
      expect(await draining(topo)).toEqual([victim]);
    }));

  it('a replica killed while the rollout drains it: the rollout stops, says so, and leaves it killed and undrained', () =>
    withTopology({ driver: 'process', strategy: 'sticky-cookie' }, async (topo) => {
      // Never idle (60 s), so the rollout is still waiting on app1 when it dies.
      const running = rollout(topo, { drainWaitMs: 30_000, idleMs: 60_000 }).catch((e: unknown) => e);
      await waitFor('app1 to drain', async () => (await draining(topo)).includes('app1'), { timeoutMs: 15_000 });
      await topo.kill('app1');
      const err = await running;
      expect(err).toBeInstanceOf(RolloutError);
      expect((err as Error).message).toBe('app1 died while draining (it is killed); it was undrained and left killed; no replica was rolled');
      const s = await topo.status();
      expect(s.replicas.map((r) => [r.name, r.state, r.draining])).toEqual([['app1', 'killed', false], ['app2', 'running', false], ['app3', 'running', false]]);
    }));
});
