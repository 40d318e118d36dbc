// The process driver's status follows the processes, not the lab's last
// command: a replica killed from outside, a stranger on a replica's port, and
// nginx's master killed from outside. Pinned to the process driver (pids, ports).
import { createServer, Server } from 'node:http';
import { childPids } from '../../apps/lab/src/util/proc';
import { pidAlive } from '../../apps/lab/src/util/pid-alive';
import { waitFor } from '../../apps/lab/src/util/wait';
import type { Topology } from '../../apps/lab/src/topology';
import { describeTopology, withTopology } from '../support/topology';

jest.setTimeout(90_000);

async function replica(topo: Topology, name: string) {
  const r = (await topo.status()).replicas.find((x) => x.name === name);
  if (!r) throw new Error(`${name} not in status`);
  return r;
}

/** A foreign HTTP server that answers 200 "ready" to everything, on a replica's address. */
async function impostor(url: string): Promise<Server> {
  const { hostname, port } = new URL(url);
  const srv = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-served-by', 'app1');
    res.end(JSON.stringify({ status: 'ok', session_store: 'memory' }));
  });
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(Number(port), hostname, () => resolve());
  });
  return srv;
}

describeTopology('status follows the processes (process driver)', 'memory', () => {
  it('a replica killed from outside shows killed, and start brings it back on its port', () =>
    withTopology({ driver: 'process', strategy: 'round-robin', replicas: 2 }, async (topo) => {
      const before = await replica(topo, 'app2');
      // Its address is fixed by its name (identity.ts): 127.88.<slot>.2:3000.
      expect(before.url).toMatch(/^http:\/\/127\.88\.\d+\.2:3000$/);
      process.kill(before.pid!, 'SIGKILL');
      await waitFor('status to say app2 is killed', async () => (await replica(topo, 'app2')).state === 'killed', { timeoutMs: 10_000 });
      expect(await replica(topo, 'app2')).toMatchObject({ state: 'killed', pid: undefined, port: before.port });
      expect((await topo.logs()).app2).toMatch(/died on its own: now killed/);

      await topo.start('app2');
      const after = await replica(topo, 'app2');
      expect(after).toMatchObject({ state: 'running', port: before.port, url: before.url });
      expect(after.pid).not.toBe(before.pid);
    }));

  it('start refuses when a stranger answers on the replica\'s port: not running, the stranger named', () =>
    withTopology({ driver: 'process', strategy: 'round-robin', replicas: 2 }, async (topo) => {
      const before = await replica(topo, 'app1');
      await topo.kill('app1');
      const stranger = await impostor(before.url);
      try {
        const address = new URL(before.url).host.replace(/\./g, '\\.');
        await expect(topo.start('app1')).rejects.toThrow(new RegExp(`${address} is taken by another process`));
        const refused = await replica(topo, 'app1');
        expect(refused.state).not.toBe('running');
        expect(refused.pid).toBeUndefined();
      } finally {
        await new Promise((r) => stranger.close(r));
      }
      // The port is free again: the replica comes back on its own address.
      await topo.start('app1');
      expect(await replica(topo, 'app1')).toMatchObject({ state: 'running', port: before.port });
    }));

  it('nginx\'s master killed from outside: status says dead, its workers are gone, down leaves nothing', async () => {
    let workers: number[] = [];
    let master = 0;
    await withTopology({ driver: 'process', strategy: 'round-robin', replicas: 1 }, async (topo) => {
      const status = await topo.status();
      expect(status.balancer.state).toBe('running');
      master = status.balancer.pid!;
      workers = childPids(master);
      expect(workers.length).toBeGreaterThan(0);
      process.kill(master, 'SIGKILL');
      await waitFor('status to say nginx is dead', async () => (await topo.status()).balancer.state === 'dead', { timeoutMs: 10_000 });
      await waitFor('the orphaned nginx workers to be gone', () => !workers.some(pidAlive), { timeoutMs: 10_000 });
      expect((await topo.status()).balancer.pid).toBeUndefined();
      await expect(topo.markDown('app1', true)).rejects.toThrow(/nginx is dead/);
    });
    expect([master, ...workers].filter(pidAlive)).toEqual([]);
  });
});
