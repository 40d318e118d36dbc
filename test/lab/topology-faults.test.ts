// Faults on the process driver (pinned: these look at pids, /proc and logs),
// through the real nginx: how stop, kill and pause differ, that a dead replica
// is routed around, that a marked-down one keeps its ip_hash slot, and that start
// brings a replica back on its address.
import { readFileSync } from 'node:fs';
import { LabClient } from '../../apps/lab/src/client';
import { waitFor } from '../../apps/lab/src/util/wait';
import type { Topology } from '../../apps/lab/src/topology';
import { describeTopology, withTopology } from '../support/topology';
import { closeAll, many, replicasOf, users } from '../support/topology-traffic';
import { alive } from '../support/lab-cli';

jest.setTimeout(120_000);

/** Kernel scheduler state letter (R, S, T = stopped, …). */
function procState(pid: number): string {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0];
}

async function replica(topo: Topology, name: string) {
  const r = (await topo.status()).replicas.find((x) => x.name === name);
  if (!r) throw new Error(`${name} not in status`);
  return r;
}

describeTopology('replica faults on the process driver', 'memory', () => {
  it('stop is graceful, kill is not, pause freezes; nginx routes around the dead; start returns on the same port', () =>
    withTopology({ driver: 'process', strategy: 'round-robin' }, async (topo) => {
      const [u] = users(topo.url, 1);
      const direct = (url: string) => new LabClient({ name: 'direct', baseUrl: url, timeoutMs: 800 });
      try {
        const before = { app1: await replica(topo, 'app1'), app2: await replica(topo, 'app2'), app3: await replica(topo, 'app3') };

        await topo.kill('app2');
        expect(await replica(topo, 'app2')).toMatchObject({ state: 'killed', pid: undefined });
        expect(alive(before.app2.pid!)).toBe(false);
        // proxy_next_upstream error: a refused connection is retried on the next server.
        const afterKill = await many(u, 9);
        expect(afterKill.every((r) => r.ok)).toBe(true);
        expect(replicasOf(afterKill)).toEqual(['app1', 'app3']);

        await topo.stop('app1');
        expect(await replica(topo, 'app1')).toMatchObject({ state: 'stopped', pid: undefined });
        const logs = await topo.logs();
        expect(logs.app1).toMatch(/exited: code 0/); // handled SIGTERM and drained
        expect(logs.app2).toMatch(/exited: signal SIGKILL/);

        await topo.pause('app3');
        expect(await replica(topo, 'app3')).toMatchObject({ state: 'paused', pid: before.app3.pid });
        expect(procState(before.app3.pid!)).toBe('T');
        const frozen = direct(before.app3.url);
        const stuck = await frozen.root();
        expect(stuck).toMatchObject({ outcome: 'fail', error: expect.stringMatching(/ETIMEDOUT/) });
        await topo.resume('app3');
        expect((await frozen.root()).servedBy).toBe('app3');
        frozen.close();

        await topo.start('app1');
        expect(await replica(topo, 'app1')).toMatchObject({ state: 'running', port: before.app1.port, url: before.app1.url });
        // nginx may still count app1 as failed (fail_timeout): poll until it is back in rotation.
        await waitFor('nginx to route to the restarted app1', async () => (await u.root()).servedBy === 'app1', { timeoutMs: 20_000, intervalMs: 200 });

        await topo.scale(2);
        expect((await topo.status()).replicas.map((r) => r.name)).toEqual(['app1', 'app2']);
        expect(alive(before.app3.pid!)).toBe(false);
        await topo.start('app2');
        const scaled = await many(u, 6);
        expect(scaled.every((r) => r.ok)).toBe(true);
        expect(replicasOf(scaled)).toEqual(['app1', 'app2']);

        // Scaling back up brings app3 back on its old address (and resolves once nginx routes to it).
        await topo.scale(3);
        expect(await replica(topo, 'app3')).toMatchObject({ state: 'running', port: before.app3.port });
        expect((await topo.logs()).app3).toMatch(/start #2/);
      } finally {
        closeAll([u]);
      }
    }));

  it('ip-hash: markDown moves only the marked-down replica\'s clients and back; a killed replica\'s clients are served elsewhere', () =>
    withTopology({ driver: 'process', strategy: 'ip-hash' }, async (topo) => {
      const clients = users(topo.url, 12);
      const placeAll = async () => {
        const out: Record<string, string> = {};
        for (const c of clients) {
          const replies = await many(c, 3, (x) => x.root());
          expect(replies.every((r) => r.ok)).toBe(true);
          expect(replicasOf(replies)).toHaveLength(1);
          out[c.name] = replies[0].servedBy!;
        }
        return out;
      };
      const on = (placement: Record<string, string>, name: string) => Object.keys(placement).filter((c) => placement[c] === name);
      try {
        const before = await placeAll();
        const busiest = ['app1', 'app2', 'app3'].sort((a, b) => on(before, b).length - on(before, a).length)[0];

        await topo.markDown(busiest, true);
        expect(await replica(topo, busiest)).toMatchObject({ markedDown: true, state: 'running' });
        const markedDown = await placeAll();
        // `down` keeps the slot: only the marked-down replica's clients are re-hashed.
        for (const c of clients) {
          if (before[c.name] === busiest) expect(markedDown[c.name]).not.toBe(busiest);
          else expect(markedDown[c.name]).toBe(before[c.name]);
        }

        await topo.markDown(busiest, false);
        expect(await placeAll()).toEqual(before);

        await topo.kill(busiest);
        const victims = clients.filter((c) => before[c.name] === busiest);
        for (const c of victims) {
          const replies = await many(c, 3, (x) => x.root());
          expect(replies.every((r) => r.ok)).toBe(true);
          expect(replicasOf(replies)).not.toContain(busiest);
        }
      } finally {
        closeAll(clients);
      }
    }));
});
