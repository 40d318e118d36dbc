// In-process apps with live updates: the real AppModule and configureApp(),
// the live config given directly; socket.io-client as the page's stand-in.
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { io as connect, Socket } from 'socket.io-client';
import { AppModule } from '../app.module';
import { configureApp } from '../app.setup';
import { loadConfig } from '../config/config';
import { LiveHub } from './live-hub';
import { LIVE_CONFIG, LiveConfig } from './live.config';
import WebSocket from 'ws';
import { RedisServer } from '../../../lab/src/topology/drivers/process/redis-server';
import { describeWithRedis } from '../../../../test/support/cart-api';
import type { CartBody, StatsBody } from '../../../../libs/cart';
import { waitFor } from '../../../lab/src/util/wait';
import { LIVE_MAX_MESSAGE_BYTES } from './live.config';
import type { LiveHello } from './live-hub';

const LIVE_TEST_SECRET = 'live-spec-secret';

interface LiveTestApp {
  app: NestExpressApplication;
  url: string;
  hub: LiveHub;
  close(): Promise<void>;
}

async function liveTestApp(env: Record<string, string> = {}, live: Partial<LiveConfig> = {}): Promise<LiveTestApp> {
  const config = loadConfig({ APP_NAME: 'live-app', LOG_LEVEL: 'silent', SESSION_SECRET: LIVE_TEST_SECRET, ...env });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(LIVE_CONFIG)
    .useValue({ adapter: 'none', maxSockets: 100, maxPerSession: 100, maxPerAddress: 100, ...live })
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const hub = app.get(LiveHub);
  await hub.whenReady();
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, hub, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** A session cookie (`sid=…`) whose session is stored: one item added. */
async function sessionCookie(url: string, sku = 'sku-apple'): Promise<string> {
  const res = await fetch(`${url}/cart/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sku, qty: 1 }) });
  if (res.status !== 201 && res.status !== 200) throw new Error(`add answered ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

type Transport = 'websocket' | 'polling';

/** A socket.io client that does not reconnect by itself (tests decide). */
function liveClient(url: string, cookie: string | undefined, transport: Transport = 'websocket'): Socket {
  return connect(url, {
    path: '/socket.io/',
    transports: [transport],
    reconnection: false,
    forceNew: true,
    extraHeaders: cookie ? { cookie } : {},
  });
}

/** Resolves with the first `event` (its first argument), rejects after `ms`. */
function next<T>(socket: Socket, event: string, ms = 3_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${ms} ms`)), ms);
    socket.once(event, (value: T) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

const open: Socket[] = [];
function track(s: Socket): Socket {
  open.push(s);
  return s;
}
afterEach(() => open.splice(0).forEach((s) => s.close()));

async function connectError(s: Socket): Promise<string> {
  return (await next<Error>(s, 'connect_error')).message;
}

async function addItem(url: string, cookie: string, sku: string): Promise<CartBody> {
  const res = await fetch(`${url}/cart/items`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ sku, qty: 2 }) });
  return (await res.json()) as CartBody;
}

describe('live cart updates on one replica', () => {
  let t: LiveTestApp;
  beforeAll(async () => (t = await liveTestApp({}, { maxSockets: 5 })));
  afterAll(() => t.close());

  it('pushes the cart a REST write returned to every socket of that session, and only to it', async () => {
    const cookie = await sessionCookie(t.url);
    const other = await sessionCookie(t.url);
    const mine = track(liveClient(t.url, cookie));
    const theirs = track(liveClient(t.url, other, 'polling'));
    expect((await next<LiveHello>(mine, 'hello')).served_by).toBe('live-app');
    expect((await next<LiveHello>(theirs, 'hello')).transport).toBe('polling');
    let leaked = 0;
    theirs.on('cart', () => leaked++);
    const pushed = next<CartBody>(mine, 'cart');
    const answered = await addItem(t.url, cookie, 'sku-bread');
    expect(await pushed).toEqual(answered);
    // A whoami round trip on the other socket after the push: had it leaked, it would have arrived first.
    await theirs.emitWithAck('whoami');
    expect(leaked).toBe(0);
  });

  it('pushes after a set, a remove and a clear too, and not after a refused write', async () => {
    const cookie = await sessionCookie(t.url);
    const s = track(liveClient(t.url, cookie));
    await next(s, 'hello');
    const counts: number[] = [];
    s.on('cart', (c: CartBody) => counts.push(c.item_count));
    const send = (method: string, path: string, body?: unknown) =>
      fetch(`${t.url}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).then((r) => r.status);
    expect(await send('PATCH', '/cart/items/sku-apple', { qty: 4 })).toBe(200);
    expect(await send('POST', '/cart/items', { sku: 'sku-nope', qty: 1 })).toBe(404);
    expect(await send('POST', '/cart/items', { sku: 'sku-bread', qty: 1 })).toBe(201);
    expect(await send('DELETE', '/cart/items/sku-apple')).toBe(200);
    expect(await send('DELETE', '/cart')).toBe(200);
    await waitFor('four pushes', () => counts.length >= 4, { timeoutMs: 3_000 });
    await s.emitWithAck('whoami');
    expect(counts).toEqual([4, 5, 1, 0]);
  });

  it('names the replica on Socket.IO responses too (X-Served-By), as on every other response', async () => {
    const res = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`, { headers: { cookie: await sessionCookie(t.url) } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-served-by')).toBe('live-app');
  });

  it('counts joined sockets in /stats (live_sockets), and forgets a closed one', async () => {
    const live = async () => ((await (await fetch(`${t.url}/stats`)).json()) as { live_sockets: number }).live_sockets;
    const s = track(liveClient(t.url, await sessionCookie(t.url)));
    await next(s, 'hello');
    const during = await live();
    expect(during).toBeGreaterThanOrEqual(1);
    s.close();
    await waitFor('the closed socket to leave /stats', async () => (await live()) === during - 1, { timeoutMs: 3_000 });
  });

  it('refuses a handshake without a session cookie with a 403 that says why', async () => {
    const res = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ code: 4, message: 'a live subscription needs a valid session cookie (sid)' });
  });

  it('refuses a forged sid (bad signature) at the handshake and a well-signed unknown sid at connect', async () => {
    const good = await sessionCookie(t.url);
    const forged = good.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(await connectError(track(liveClient(t.url, forged, 'polling')))).toMatch(/xhr poll error|websocket error/);
    const res = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`, { headers: { cookie: forged } });
    expect(res.status).toBe(403);
    // Validly signed (same secret) but never stored: the store check refuses it.
    const { createHmac } = await import('node:crypto');
    const sig = createHmac('sha256', 'live-spec-secret').update('never-stored').digest('base64').replace(/=+$/, '');
    const unknown = `sid=${encodeURIComponent(`s:never-stored.${sig}`)}`;
    expect(await connectError(track(liveClient(t.url, unknown)))).toMatch(/^unauthorized: the session does not exist/);
  });

  it('disconnects a socket that sends an oversized message, an unknown event, or floods', async () => {
    const cookie = await sessionCookie(t.url);
    const big = track(liveClient(t.url, cookie));
    await next(big, 'hello');
    const bigGone = next<string>(big, 'disconnect');
    big.emit('whoami', 'x'.repeat(LIVE_MAX_MESSAGE_BYTES * 2));
    expect(await bigGone).toBe('transport close');

    const odd = track(liveClient(t.url, cookie));
    await next(odd, 'hello');
    const oddGone = next<string>(odd, 'disconnect');
    odd.emit('cart', { items: [] });
    expect(await oddGone).toBe('io server disconnect');

    const flood = track(liveClient(t.url, cookie));
    await next(flood, 'hello');
    const floodGone = next<string>(flood, 'disconnect');
    for (let i = 0; i < 50; i++) flood.emit('whoami');
    expect(await floodGone).toBe('io server disconnect');
  });

  it('closes a raw WebSocket that sends garbage frames', async () => {
    const cookie = await sessionCookie(t.url);
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { headers: { cookie } });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => ws.once('close', resolve));
    ws.send('40'); // join the default namespace
    ws.send('4{not a packet');
    await expect(closed).resolves.toBeGreaterThan(0);
  });
});

describe('live sockets are bounded per replica', () => {
  let t: LiveTestApp;
  beforeAll(async () => (t = await liveTestApp({}, { maxSockets: 3 })));
  afterAll(() => t.close());

  it('refuses sockets past LIVE_MAX_SOCKETS with a clear message, and 10 000 attempts from one address stay bounded', async () => {
    const cookie = await sessionCookie(t.url);
    const held = [1, 2, 3].map(() => track(liveClient(t.url, cookie)));
    await Promise.all(held.map((s) => next(s, 'hello')));
    const res = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`, { headers: { cookie } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toBe('this replica holds its maximum of 3 live sockets');
    const statuses = new Map<number, number>();
    for (let batch = 0; batch < 100; batch++) {
      const replies = await Promise.all(
        Array.from({ length: 100 }, () => fetch(`${t.url}/socket.io/?EIO=4&transport=polling`, { headers: { cookie } }).then(async (r) => (await r.arrayBuffer(), r.status))),
      );
      for (const s of replies) statuses.set(s, (statuses.get(s) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 403: 10_000 });
    expect(t.hub.sockets()).toBe(3);
  }, 60_000);
});

describe('live sockets are bounded per session and per address', () => {
  let t: LiveTestApp;
  beforeAll(async () => (t = await liveTestApp({}, { maxSockets: 50, maxPerSession: 2, maxPerAddress: 3 })));
  afterAll(() => t.close());

  // The test talks from loopback, which the app trusts as a proxy (TRUST_PROXY's default): X-Forwarded-For names the client.
  const from = (cookie: string, address: string) =>
    track(connect(t.url, { path: '/socket.io/', transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie, 'x-forwarded-for': address } }));
  // A refused WebSocket upgrade carries no message; a refused handshake over polling does (403 JSON).
  const refusal = async (cookie: string, address: string) => {
    const res = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`, { headers: { cookie, 'x-forwarded-for': address } });
    return `${res.status} ${((await res.json()) as { message: string }).message}`;
  };

  it('refuses the socket past either cap with its message, counts it in /stats, and frees the slot on close', async () => {
    const [a, b, c] = await Promise.all([sessionCookie(t.url), sessionCookie(t.url), sessionCookie(t.url)]);
    const held = [from(a, '127.0.9.1'), from(a, '127.0.9.1')];
    await Promise.all(held.map((s) => next(s, 'hello')));
    expect(await refusal(a, '127.0.8.1')).toBe('403 this session holds its maximum of 2 live sockets');
    await next(from(b, '127.0.9.1'), 'hello');
    expect(await refusal(c, '127.0.9.1')).toBe('403 this address holds its maximum of 3 live sockets');
    // Another address is another client.
    await next(from(c, '127.0.7.1'), 'hello');
    const stats = (await (await fetch(`${t.url}/stats`)).json()) as StatsBody;
    expect(stats.live_caps).toEqual({ max: 50, perSession: 2, perAddress: 3 });
    expect(stats.live_refused).toEqual({ replica: 0, session: 1, address: 1 });
    held[0].close();
    await waitFor('the closed socket\'s slot is free', async () => {
      const again = from(a, '127.0.9.1');
      return Promise.race([next(again, 'hello').then(() => true), next(again, 'connect_error').then(() => false)]);
    }, { timeoutMs: 5_000, intervalMs: 100 });
  });
});

describe('live socket logging', () => {
  let t: LiveTestApp;
  beforeAll(async () => (t = await liveTestApp({ LOG_LEVEL: 'info' })));
  afterAll(() => t.close());

  it('writes one line for a flooding socket, not one per message', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    try {
      const flood = track(liveClient(t.url, await sessionCookie(t.url)));
      await next(flood, 'hello');
      const gone = next<string>(flood, 'disconnect');
      for (let i = 0; i < 100; i++) flood.emit('whoami');
      expect(await gone).toBe('io server disconnect');
      // Give the packets already in flight time to arrive: they must not log again.
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      spy.mockRestore();
    }
    expect(lines.filter((l) => l.includes('live socket dropped'))).toHaveLength(1);
  });
});

describe('shutdown', () => {
  it('closes every socket with a server disconnect, so clients reconnect at once', async () => {
    const t = await liveTestApp();
    const s = track(liveClient(t.url, await sessionCookie(t.url)));
    await next(s, 'hello');
    const gone = next<string>(s, 'disconnect');
    await t.close();
    expect(await gone).toBe('io server disconnect');
  });
});
describeWithRedis()('the Redis adapter between two replicas', () => {
  let server: RedisServer;
  let a: LiveTestApp;
  let b: LiveTestApp;
  beforeAll(async () => {
    server = await RedisServer.start();
    const env = { SESSION_STORE: 'redis', REDIS_URL: server.url };
    [a, b] = await Promise.all([liveTestApp({ ...env, APP_NAME: 'app-a' }, { adapter: 'redis' }), liveTestApp({ ...env, APP_NAME: 'app-b' }, { adapter: 'redis' })]);
  }, 30_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await server?.stop();
  });

  it('delivers a write on one replica to the socket held by the other, and survives Redis dying mid-publish', async () => {
    await waitFor('both replicas ready', async () => (await fetch(`${a.url}/health/ready`)).ok && (await fetch(`${b.url}/health/ready`)).ok, { timeoutMs: 5_000 });
    const cookie = await sessionCookie(a.url);
    const s = track(liveClient(b.url, cookie));
    expect((await next<LiveHello>(s, 'hello')).served_by).toBe('app-b');
    const pushed = next<CartBody>(s, 'cart');
    const answered = await addItem(a.url, cookie, 'sku-bread');
    expect(answered.served_by).toBe('app-a');
    expect(await pushed).toEqual(answered);

    const rejections: unknown[] = [];
    const note = (r: unknown) => rejections.push(r);
    process.on('unhandledRejection', note);
    try {
      await server.kill();
      a.hub.publish('any-session', answered); // the adapter does not await its PUBLISH
      await new Promise((resolve) => setTimeout(resolve, 300)); // a rejection surfaces within a few turns; nothing to poll for
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', note);
    }
  });
});
