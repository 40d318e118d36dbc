// Faults on the process driver (pinned: these look at pids, /proc and logs),
// through the real nginx: how stop, kill and pause differ to the processes,
// that nginx routes around a dead replica, and that scaling in and out again
// ends and restarts processes on their addresses. What status reports after
// each fault, and that start returns on the same address, is the Topology
// contract's (test/contract/cases.ts, on every driver and balancer); how a
// marked-down replica moves ip_hash clients is nginx-ip-hash.test.ts's and
// placement-replay.test.ts's.
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
  it('stop is graceful, kill is not, pause freezes; nginx routes around the dead; scale 3 → 2 → 3 ends app3 and restarts it on its address', () =>
    withTopology({ driver: 'process', strategy: 'round-robin' }, async (topo) => {
      const [u] = users(topo.url, 1);
      const direct = (url: string) => new LabClient({ name: 'direct', baseUrl: url, timeoutMs: 800 });
      try {
        const before = { app1: await replica(topo, 'app1'), app2: await replica(topo, 'app2'), app3: await replica(topo, 'app3') };

        await topo.kill('app2');
        expect(alive(before.app2.pid!)).toBe(false);
        // proxy_next_upstream error: a refused connection is retried on the next server.
        const afterKill = await many(u, 9);
        expect(afterKill.every((r) => r.ok)).toBe(true);
        expect(replicasOf(afterKill)).toEqual(['app1', 'app3']);

        await topo.stop('app1');
        expect(alive(before.app1.pid!)).toBe(false);
        const logs = await topo.logs();
        expect(logs.app1).toMatch(/exited: code 0/); // handled SIGTERM and drained
        expect(logs.app2).toMatch(/exited: signal SIGKILL/);

        await topo.pause('app3');
        expect(procState(before.app3.pid!)).toBe('T');
        const frozen = direct(before.app3.url);
        const stuck = await frozen.root();
        expect(stuck).toMatchObject({ outcome: 'fail', error: expect.stringMatching(/ETIMEDOUT/) });
        await topo.resume('app3');
        expect((await frozen.root()).servedBy).toBe('app3');
        frozen.close();

        await topo.start('app1');
        // nginx may still count app1 as failed (fail_timeout): poll until it is back in rotation.
        await waitFor('nginx to route to the restarted app1', async () => (await u.root()).servedBy === 'app1', { timeoutMs: 20_000, intervalMs: 200 });

        await topo.scale(2);
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
});
