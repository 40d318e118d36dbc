// The redis store costs one Redis round trip per cart request: the cart
// script checks and refreshes the session, express-session's store never GETs
// it. Counted with MONITOR on a real redis-server; commands a script runs
// inside Redis show as "[0 lua]" and are not round trips.
import { createConnection, Socket } from 'node:net';
import { RedisServer, redisCommand } from '../../apps/lab/src/topology/drivers/process/redis-server';
import { waitFor } from '../../apps/lab/src/util/wait';
import { CookieClient, createTestApp, describeWithRedis, TestApp, untilReady } from '../support/cart-api';

jest.setTimeout(30_000);
const describeRedis = describeWithRedis();

/** Commands clients sent to Redis, as MONITOR reports them, between start() and stop(). */
class Monitor {
  private sock!: Socket;
  private text = '';

  async start(port: number): Promise<void> {
    this.sock = createConnection({ port, host: '127.0.0.1' });
    this.sock.setEncoding('utf8').on('data', (chunk: string) => (this.text += chunk));
    this.sock.write('MONITOR\r\n');
    await waitFor('MONITOR on', async () => this.text.startsWith('+OK'), { timeoutMs: 2_000 });
  }

  /** Client commands (script-internal ones excluded), up to a marker that proves MONITOR caught up. */
  async stop(port: number): Promise<string[]> {
    const marker = `round-trip-marker-${process.pid}-${Date.now()}`;
    await redisCommand(port, `ECHO ${marker}`);
    await waitFor('MONITOR caught up', async () => this.text.includes(marker), { timeoutMs: 2_000 });
    this.sock.destroy();
    return this.text
      .split('\r\n')
      .filter((l) => l.startsWith('+') && l !== '+OK' && !l.includes(' lua]') && !l.includes(marker))
      .map((l) => /"([^"]+)"/.exec(l)?.[1]?.toLowerCase() ?? l);
  }
}

describeRedis('redis store: one round trip per cart request', () => {
  let redis: RedisServer;
  let t: TestApp;
  let client: CookieClient;
  beforeEach(async () => {
    redis = await RedisServer.start();
    t = await untilReady(await createTestApp({ APP_NAME: 'rt', SESSION_STORE: 'redis', REDIS_URL: redis.url }));
    client = new CookieClient(t.url);
    // First write: stores the session (SET) and loads the script; not what is counted.
    expect((await client.request('POST', '/cart/items', { sku: 'sku-tea', qty: 1 })).status).toBe(201);
  });
  afterEach(async () => {
    await t.close();
    await redis.stop();
  });

  async function commandsOf(fn: () => Promise<void>): Promise<string[]> {
    const monitor = new Monitor();
    await monitor.start(redis.port);
    await fn();
    return monitor.stop(redis.port);
  }

  it.each([
    ['GET', '/cart', undefined, 200],
    ['POST', '/cart/items', { sku: 'sku-tea', qty: 1 }, 201],
    ['PATCH', '/cart/items/sku-tea', { qty: 3 }, 200],
    ['DELETE', '/cart', undefined, 200],
  ])('%s %s of a stored session is one EVALSHA', async (method, path, body, status) => {
    const sent = await commandsOf(async () => {
      expect((await client.request(method, path, body)).status).toBe(status);
    });
    expect(sent).toEqual(['evalsha']);
  });

  it('a signed sid whose session is gone gets no cart, is reported lost, and a write starts a new session', async () => {
    const sid = decodeURIComponent(client.cookie.split('=')[1]).slice(2).split('.')[0];
    expect(await redisCommand(redis.port, `DEL sess:${sid}`)).toBe(':1\r\n'); // the cart:<sid> key stays
    const read = await client.request('GET', '/cart');
    expect([read.status, read.headers.get('x-session-status'), read.body.items, read.headers.get('set-cookie')]).toEqual([
      200,
      'expired-or-lost',
      [],
      null,
    ]);
    const old = client.cookie;
    const add = await client.request('POST', '/cart/items', { sku: 'sku-mug', qty: 2 });
    expect([add.status, add.headers.get('x-session-status'), add.body.item_count]).toEqual([201, 'expired-or-lost', 2]);
    expect(client.cookie).not.toBe(old);
    const next = await client.request('GET', '/cart');
    expect([next.headers.get('x-session-status'), next.body.items.map((i: { sku: string }) => i.sku)]).toEqual([null, ['sku-mug']]);
    const patch = await new CookieClient(t.url).request('PATCH', '/cart/items/sku-tea', { qty: 2 }, undefined);
    expect(patch.status).toBe(404);
    const gone = new CookieClient(t.url);
    gone.cookie = old;
    const stale = await gone.request('PATCH', '/cart/items/sku-tea', { qty: 2 });
    expect([stale.status, stale.headers.get('x-session-status')]).toEqual([404, 'expired-or-lost']);
  });

  it('a forged cookie naming a stored session gets no cart and costs no Redis call', async () => {
    const sid = decodeURIComponent(client.cookie.split('=')[1]).slice(2).split('.')[0];
    const forged = new CookieClient(t.url);
    forged.cookie = `sid=${encodeURIComponent(`s:${sid}.forgedsignature`)}`;
    const sent = await commandsOf(async () => {
      const res = await forged.request('GET', '/cart');
      expect([res.status, res.body.items, res.headers.get('x-session-status')]).toEqual([200, [], null]);
    });
    expect(sent).toEqual([]);
  });
});
