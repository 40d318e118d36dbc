// redisPersistence 'aof': the process driver's redis-server appends every
// write to a file in the run dir, so a Redis restart keeps the carts (the
// 'none' default losing them is asserted in topology-lifecycle).
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ackedItemsLost, LabClient } from '../../apps/lab/src/client';
import { ProcessTopology } from '../../apps/lab/src/topology';
import { RedisServer } from '../../apps/lab/src/topology/drivers/process';
import { waitFor } from '../../apps/lab/src/util/wait';
import { describeTopology, withTopology } from '../support/topology';

jest.setTimeout(90_000);

describeTopology('redis persistence on the process driver', 'redis', () => {
  it('with aof a cart survives a Redis restart, and status says aof', () =>
    withTopology({ driver: 'process', strategy: 'round-robin', store: 'redis', replicas: 2, redisPersistence: 'aof' }, async (topo) => {
      expect((await topo.status()).redis).toMatchObject({ state: 'running', persistence: 'aof' });
      expect(existsSync(join((topo as ProcessTopology).runDir, 'redis', 'appendonlydir'))).toBe(true);
      const c = new LabClient({ name: 'shopper', baseUrl: topo.url });
      try {
        const sku = (await c.products()).body![0].sku;
        expect((await c.addItem(sku, 3)).ok).toBe(true);
        await topo.redisRestart();
        expect((await topo.status()).redis?.state).toBe('running');
        const cart = await waitFor('a cart read after the Redis restart', async () => {
          const r = await c.getCart();
          return r.ok ? r : undefined;
        }, { timeoutMs: 20_000, intervalMs: 200 });
        expect(cart.body?.items).toEqual([expect.objectContaining({ sku, qty: 3 })]);
        expect(ackedItemsLost(c.history).lost).toEqual([]);
      } finally {
        c.close();
      }
    }));

  it('status reports persistence none by default', () =>
    withTopology({ driver: 'process', strategy: 'round-robin', store: 'redis', replicas: 1 }, async (topo) => {
      expect((await topo.status()).redis).toMatchObject({ state: 'running', persistence: 'none' });
    }));

  it('a port the caller insists on that another process holds fails clearly, leaving no redis-server', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(RedisServer.start({ port })).rejects.toThrow(`redis-server exited: port ${port} is in use by another process`);
    } finally {
      blocker.close();
    }
  });
});
