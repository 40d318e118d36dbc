// The history's `unknown` through the real nginx: a write to a paused replica
// gets a 504 from nginx, yet the replica applies it once resumed. Calling it
// `fail` would be a lie; `unknown` lets the checker accept either answer.
import { ackedItemsLost, LabClient, userAddress } from '../../apps/lab/src/client';
import { waitFor } from '../../apps/lab/src/util/wait';
import { describeTopology, withTopology } from '../support/topology';

jest.setTimeout(120_000);

describeTopology('history outcomes through nginx', 'memory', () => {
  it('a POST that timed out at nginx is unknown, and did happen', () =>
    withTopology({ driver: 'process', strategy: 'ip-hash', replicas: 2, proxyReadTimeout: '1s' }, async (topo) => {
      const c = new LabClient({ name: 'u1', baseUrl: topo.url, sourceAddress: userAddress(0), timeoutMs: 10_000 });
      try {
        const [a, b] = (await c.products()).body!.map((p) => p.sku);
        const first = await c.addItem(a, 1);
        expect(first.ok).toBe(true);
        const home = first.servedBy!;

        await topo.pause(home);
        const lost = await c.addItem(b, 1);
        // proxy_read_timeout 1s; a POST already sent is not retried elsewhere.
        expect(lost).toMatchObject({ status: 504, outcome: 'unknown' });
        await topo.resume(home);

        // nginx counted `home` as failed for fail_timeout: poll until ip_hash sends us home again.
        const back = await waitFor(`${home} to serve u1 again`, async () => {
          const r = await c.getCart();
          return r.servedBy === home ? r : undefined;
        }, { timeoutMs: 20_000, intervalMs: 200 });
        expect(back.body?.items.map((i) => i.sku).sort()).toEqual([a, b].sort());
        expect(ackedItemsLost(c.history)).toMatchObject({ valid: true, lost: [] });
        expect(c.history.entries.map((e) => e.outcome)).toContain('unknown');
      } finally {
        c.close();
      }
    }));
});
