// The built entry point as a real process: boot-time config errors, the
// per-request log line, and a graceful SIGTERM.
import { Socket, connect } from 'node:net';
import { Agent, request as httpRequest } from 'node:http';
import { RedisServer } from '../../apps/lab/src/topology/drivers/process/redis-server';
import { waitFor } from '../../apps/lab/src/util/wait';
import { describeWithRedis } from '../support/cart-api';
import { builtEntryMissing, spawnApi, startApi, stopApi, ApiProcess } from '../support/cart-api-process';

jest.setTimeout(40_000);

const missing = builtEntryMissing();
if (missing) {
  // Run through `npm test`, which builds first; a bare jest run may not have.
  throw new Error(missing);
}

const EXIT_BOUND_MS = 10_000;
// Well under keepAliveTimeout (10 s) and the 5 s drain limit: an idle
// keep-alive socket left open would hold the exit past it.
const QUICK_EXIT_MS = 4_500;

describe('cart-api process', () => {
  let api: ApiProcess | undefined;
  afterEach(async () => {
    if (api) await stopApi(api);
    api = undefined;
  });

  // Every variable's validation is in config.spec.ts; these two prove the boot path.
  it.each([
    ['PORT', 'eighty'],
    ['SESSION_STORE', 'mongo'],
  ])('%s=%s stops the boot with exit 1 and one line naming the variable', async (name, value) => {
    api = spawnApi({ [name]: value, SESSION_SECRET: 's' });
    const { code } = await api.exited;
    const lines = api.output().trim().split('\n');
    expect([code, lines.length, lines[0]]).toEqual([1, 1, expect.stringContaining(`${name}=${value} is invalid`)]);
  });

  it('warns without SESSION_SECRET; writes one JSON line per request; LOG_LEVEL=silent writes none', async () => {
    api = await startApi({ APP_NAME: 'logger', SESSION_SECRET: '' });
    expect(api.output()).toMatch(/warning: SESSION_SECRET is not set/);
    await fetch(`${api.url}/products?x=1`);
    await fetch(`${api.url}/nope`);
    const proc = api;
    const lines = await waitFor('two request log lines', () => {
      const found = proc
        .output()
        .split('\n')
        .filter((l) => l.includes('"method"'))
        .map((l) => JSON.parse(l));
      return found.some((l) => l.path === '/nope') && found;
    });
    expect(lines.find((l) => l.path === '/products')).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      replica: 'logger',
      method: 'GET',
      path: '/products',
      status: 200,
      duration_ms: expect.any(Number),
    });
    expect(lines.find((l) => l.path === '/nope')?.status).toBe(404);

    const quiet = await startApi({ LOG_LEVEL: 'silent' });
    try {
      await fetch(`${quiet.url}/products`);
      await fetch(`${quiet.url}/nope`);
      expect(quiet.output()).toBe('');
    } finally {
      await stopApi(quiet);
    }
  });

  it('keeps answering after the reader of its stdout and stderr goes away (EPIPE)', async () => {
    api = await startApi({ APP_NAME: 'orphan' });
    // The lab (the reader of the pipes) dies: every later log write fails with EPIPE.
    api.child.stdout?.destroy();
    api.child.stderr?.destroy();
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${api.url}/cart/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sku: 'sku-apple', qty: 1 }),
      });
      expect(res.status).toBe(201);
      expect((await fetch(`${api.url}/nope`)).status).toBe(404);
    }
    expect([api.child.exitCode, api.child.signalCode]).toEqual([null, null]);
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
  });

  it('an expected 503 (session cap reached) is one timestamped JSON line, no stack trace', async () => {
    api = await startApi({ APP_NAME: 'capped', SESSION_MAX: '1' });
    const add = () =>
      fetch(`${api!.url}/cart/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sku: 'sku-apple', qty: 1 }),
      });
    expect((await add()).status).toBe(201);
    expect((await add()).status).toBe(503);
    const proc = api;
    const errors = await waitFor('the error log line', () => {
      const found = proc.output().split('\n').filter((l) => l.includes('"level":"error"'));
      return found.length > 0 && found;
    });
    expect(proc.output()).not.toMatch(/\n\s+at /); // no stack frame anywhere
    expect(errors).toHaveLength(1);
    expect(JSON.parse(errors[0])).toMatchObject({
      time: expect.stringMatching(/Z$/),
      replica: 'capped',
      status: 503,
      path: '/cart/items',
      error: expect.stringMatching(/maximum of 1 sessions/),
    });
    for (const line of proc.output().trim().split('\n')) expect(JSON.parse(line)).toHaveProperty('time');
  });

  it('SIGTERM finishes an in-flight request, drops idle keep-alive sockets and exits 0 quickly', async () => {
    api = await startApi({ LOG_LEVEL: 'silent' });
    const port = Number(new URL(api.url).port);

    // An idle keep-alive connection must not hold the exit up.
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) =>
      httpRequest(`${api!.url}/`, { agent }, (res) => res.resume().on('end', resolve)).on('error', reject).end(),
    );

    // In flight: headers and half the body sent before SIGTERM, the rest after.
    const body = JSON.stringify({ sku: 'sku-apple', qty: 1 });
    const sock: Socket = connect(port, '127.0.0.1');
    let reply = '';
    sock.on('data', (d) => (reply += d.toString()));
    await new Promise((r) => sock.once('connect', r));
    sock.write(
      `POST /cart/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n` +
        body.slice(0, 10),
    );
    await waitFor('request accepted by the server', async () => (await fetch(`${api!.url}/stats`)).ok);

    const start = Date.now();
    api.child.kill('SIGTERM');
    await waitFor('listener closed', () => fetch(`${api!.url}/health/live`).then(() => false, () => true));
    sock.end(body.slice(10));
    const { code, signal } = await api.exited;
    const elapsed = Date.now() - start;
    agent.destroy();

    expect(reply).toMatch(/^HTTP\/1\.1 201 /);
    expect(reply).toMatch(/"item_count":1/);
    expect([code, signal]).toEqual([0, null]);
    expect(elapsed).toBeLessThan(QUICK_EXIT_MS);
  });
});

describeWithRedis()('cart-api process with the redis store', () => {
  let api: ApiProcess | undefined;
  afterEach(async () => {
    if (api) await stopApi(api);
    api = undefined;
  });

  it('SIGTERM with the redis store closes the client and exits 0', async () => {
    const redis = await RedisServer.start();
    try {
      api = await startApi({ SESSION_STORE: 'redis', REDIS_URL: redis.url, LOG_LEVEL: 'silent' });
      const start = Date.now();
      api.child.kill('SIGTERM');
      const { code } = await api.exited;
      expect([code, Date.now() - start < EXIT_BOUND_MS]).toEqual([0, true]);
    } finally {
      await redis.stop();
    }
  });

  it('SIGTERM while Redis is paused still exits 0 within the bound', async () => {
    const redis = await RedisServer.start();
    try {
      api = await startApi({ SESSION_STORE: 'redis', REDIS_URL: redis.url, LOG_LEVEL: 'silent' });
      redis.pause();
      const start = Date.now();
      api.child.kill('SIGTERM');
      const { code } = await api.exited;
      expect([code, Date.now() - start < EXIT_BOUND_MS]).toEqual([0, true]);
    } finally {
      redis.resume();
      await redis.stop();
    }
  });
});
