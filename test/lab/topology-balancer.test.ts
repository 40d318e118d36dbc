// restartBalancer / reloadBalancer on the process driver, on both engines,
// with what each keeps: a request in flight during a reload completes; a
// HAProxy stick table is empty after a restart (its clients may move); what a
// reload does to it is measured and pinned here (see docs/haproxy.md).
import { join } from 'node:path';
import { userAddress } from '../../apps/lab/src/client';
import { haproxyRunPaths, RuntimeApi } from '../../apps/lab/src/haproxy';
import { BALANCERS, ProcessTopology, Topology } from '../../apps/lab/src/topology';
import { findBinary } from '../../apps/lab/src/util/find-binary';
import { fetchGenerationAt, httpGet } from '../../apps/lab/src/util/http';
import { waitFor } from '../../apps/lab/src/util/wait';
import { describeSkipped, withTopology } from '../support/topology';

jest.setTimeout(180_000);

const generation = (t: Topology) => {
  const { hostname, port } = new URL(t.url);
  return fetchGenerationAt(hostname, Number(port));
};

for (const balancer of BALANCERS) {
  const missing = ['nginx', balancer].filter((b) => !findBinary(b));
  const name = `balancer restart and reload on the process driver with ${balancer}`;
  if (missing.length) {
    describeSkipped(name, `${[...new Set(missing)].join(' and ')} not installed (sudo apt-get install -y ${[...new Set(missing)].join(' ')})`);
    continue;
  }
  describe(name, () => {
    it('a request in flight during a reload completes with 200', () =>
      // A paused replica holds the request inside the balancer's old worker; the timeout is long enough to outlast the reload.
      withTopology({ balancer, strategy: 'round-robin', replicas: 1, proxyReadTimeout: '30s' }, async (t) => {
        const before = await generation(t);
        await t.pause('app1');
        const inFlight = httpGet(`${t.url}/health/live`, { timeoutMs: 60_000 });
        const reloading = t.reloadBalancer();
        await waitFor('the new generation to answer', async () => (await generation(t)) !== before, { timeoutMs: 30_000 });
        // The reload waits for the old workers, which wait for this request: t.resume() would queue
        // behind the reload, so the replica is continued from outside the topology.
        const { pid } = (await t.status()).replicas[0];
        process.kill(pid!, 'SIGCONT');
        const reply = await inFlight;
        expect(reply.status).toBe(200);
        expect(reply.headers['x-served-by']).toBe('app1');
        await reloading;
        await t.resume('app1');
      }));
  });
}

const haproxyMissing = !findBinary('haproxy');
const stickName = 'HAProxy stick table across reload and restart';
if (haproxyMissing) describeSkipped(stickName, 'haproxy not installed (sudo apt-get install -y haproxy)');
else
  describe(stickName, () => {
    const CLIENTS = 6;
    const api = (t: Topology) => new RuntimeApi(haproxyRunPaths(join((t as ProcessTopology).runDir, 'haproxy')).socket);
    const stick = async (t: Topology) => {
      for (let i = 0; i < CLIENTS; i++) expect((await httpGet(`${t.url}/`, { localAddress: userAddress(i) })).status).toBe(200);
    };

    it('a restart empties the table; a reload without peers empties it too (measured on this HAProxy)', () =>
      withTopology({ balancer: 'haproxy', strategy: 'stick-table', replicas: 3 }, async (t) => {
        await stick(t);
        expect(await api(t).stickTable()).toHaveLength(CLIENTS);
        await t.reloadBalancer();
        const afterReload = (await api(t).stickTable()).length;
        await stick(t);
        expect(await api(t).stickTable()).toHaveLength(CLIENTS);
        await t.restartBalancer();
        expect(await api(t).stickTable()).toEqual([]);
        // Pinned: HAProxy hands a stick table to its next process only through a `peers` section.
        expect(afterReload).toBe(0);
      }));
  });
