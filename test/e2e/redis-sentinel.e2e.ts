// cart-api on a real Sentinel group (1 primary, 2 replicas, 3 Sentinels,
// all the machine's redis-server on free loopback ports): the store follows
// a failover by itself, and REDIS_WAIT_REPLICAS refuses to acknowledge what
// the replicas did not confirm.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redisCommand } from '../../apps/lab/src/topology/drivers/process/redis-server';
import { RedisSentinelGroup } from '../../apps/lab/src/topology/drivers/process/redis-sentinel';
import { freePort } from '../../apps/lab/src/util/free-port';
import { waitFor } from '../../apps/lab/src/util/wait';
import { CookieClient, createTestApp, describeWithRedis, TestApp, untilReady } from '../support/cart-api';

jest.setTimeout(60_000);
const describeRedis = describeWithRedis();

// down-after 1 s + election + promotion; generous for a loaded 2-core machine.
const FAILOVER_MS = 20_000;
const WAIT_TIMEOUT_MS = 200;

const ready = (t: TestApp) => fetch(`${t.url}/health/ready`).then((r) => r.status);

async function sentinelApp(group: RedisSentinelGroup, env: Record<string, string> = {}): Promise<TestApp> {
  const t = await createTestApp({
    APP_NAME: 's1', SESSION_STORE: 'redis', REDIS_SENTINELS: group.sentinelList, REDIS_SENTINEL_NAME: group.settings.name, ...env,
  });
  return untilReady(t, 20_000);
}

describeRedis('cart-api on Redis Sentinel', () => {
  let dir: string;
  let group: RedisSentinelGroup;
  let t: TestApp | undefined;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lab-sentinel-'));
    group = await RedisSentinelGroup.start(dir, { downAfterMs: 1_000, failoverTimeoutMs: 3_000 });
  });
  afterEach(async () => {
    await t?.close();
    t = undefined;
    await group.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('WAIT 1: a write the replicas confirm is 201 and on a replica; with both replicas frozen it is 503 within the WAIT bound', async () => {
    // A replica keeps the RDB of its full sync in its own folder of the group's, never the caller's working directory.
    expect([2, 3].map((n) => existsSync(join(dir, `node-${n}`, 'dump.rdb')))).toEqual([true, true]);
    t = await sentinelApp(group, { REDIS_WAIT_REPLICAS: '1', REDIS_WAIT_TIMEOUT_MS: String(WAIT_TIMEOUT_MS) });
    const client = new CookieClient(t.url);
    const ok = await client.request('POST', '/cart/items', { sku: 'sku-tea', qty: 2 });
    expect([ok.status, ok.body.item_count, ok.body.message]).toEqual([201, 2, undefined]);
    const sid = decodeURIComponent(client.cookie.split('=')[1]).slice(2).split('.')[0];
    const [, r1, r2] = group.nodes;
    // WAIT returned ≥ 1: at least one replica already holds the cart.
    const held = await Promise.all([r1, r2].map((r) => redisCommand(r.port, `EXISTS cart:${sid}`)));
    expect(held).toContain(':1\r\n');

    r1.pause();
    r2.pause();
    try {
      const start = Date.now();
      const refused = await client.request('POST', '/cart/items', { sku: 'sku-tea', qty: 1 });
      const ms = Date.now() - start;
      expect([refused.status, refused.body.message]).toEqual([503, expect.stringMatching(/0 of 1 replica\(s\) acknowledged .* within 200 ms/)]);
      expect(ms).toBeLessThan(500 + WAIT_TIMEOUT_MS + 400);
      // Reads need no acknowledgement.
      expect((await client.request('GET', '/cart')).status).toBe(200);
    } finally {
      r1.resume();
      r2.resume();
    }
  });

  it('primary SIGKILLed: /health/ready fails, then recovers by itself once Sentinel promotes a replica; a WAIT-acknowledged cart survives', async () => {
    t = await sentinelApp(group, { REDIS_WAIT_REPLICAS: '1' });
    const client = new CookieClient(t.url);
    expect((await client.request('POST', '/cart/items', { sku: 'sku-mug', qty: 3 })).status).toBe(201);
    const old = group.nodes[0];
    await old.kill();
    await waitFor('/health/ready to fail without a primary', async () => (await ready(t!)) === 503, { timeoutMs: 3_000 });
    const promoted = await group.untilPromoted(old, FAILOVER_MS);
    expect(promoted).not.toBe(old);
    await waitFor('/health/ready to recover after the failover', async () => (await ready(t!)) === 200, { timeoutMs: FAILOVER_MS });
    const after = await client.request('GET', '/cart');
    expect([after.status, after.body.item_count]).toEqual([200, 3]);
    // Sentinel re-points the remaining replica at the new primary after the
    // promotion, and it resyncs: until it is online there, WAIT 1 rightly
    // answers 503 (and the write stays on the primary). Poll, bounded, then write.
    await waitFor('the remaining replica to be online at the new primary', async () => /^slave0:.*state=online/m.test(await redisCommand(promoted.port, 'INFO replication')), { timeoutMs: FAILOVER_MS });
    expect((await client.request('POST', '/cart/items', { sku: 'sku-mug', qty: 1 })).body.item_count).toBe(4);
  });
});

describeRedis('cart-api with Sentinels that do not answer', () => {
  it('boots, is not ready, and answers cart requests 503 fast instead of hanging', async () => {
    const t = await createTestApp({ SESSION_STORE: 'redis', REDIS_SENTINELS: `127.0.0.1:${await freePort()}` });
    try {
      expect(await ready(t)).toBe(503);
      const start = Date.now();
      const res = await new CookieClient(t.url).request('POST', '/cart/items', { sku: 'sku-tea', qty: 1 });
      expect([res.status, res.body.error, Date.now() - start < 1_000]).toEqual([503, 'Service Unavailable', true]);
    } finally {
      await t.close();
    }
  });
});
