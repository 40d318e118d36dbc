// The HTTP contract of cart-api, endpoint by endpoint, against the real app
// (memory store) on a loopback port.
import request from 'supertest';
import { CART_REPOSITORY } from '../../apps/cart-api/src/cart/cart.repository';
import { MemoryCartRepository } from '../../apps/cart-api/src/cart/memory-cart.repository';
import { PRODUCTS } from '../../apps/cart-api/src/catalog/catalog';
import { waitFor } from '../../apps/lab/src/util/wait';
import { createTestApp, TestApp } from '../support/cart-api';

// express-session's own signing module (no type package installed).
const signature: { sign(v: string, s: string): string; unsign(v: string, s: string): string | false } =
  require('cookie-signature');

const sidOf = (res: request.Response): string | undefined =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('sid='));

describe('cart-api HTTP contract (memory store)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ APP_NAME: 'app7' });
  });
  afterEach(() => t.close());

  it('GET / says who answered and the client address', async () => {
    const res = await request(t.url).get('/').expect(200);
    expect(res.headers['x-served-by']).toBe('app7');
    expect(res.body).toEqual({
      app_name: 'app7',
      process_id: process.pid,
      client_ip: '127.0.0.1',
      session_store: 'memory',
      message: expect.any(String),
    });
  });

  it('GET / takes client_ip from X-Forwarded-For set by a trusted (loopback) proxy', async () => {
    const res = await request(t.url).get('/').set('X-Forwarded-For', '203.0.113.9').expect(200);
    expect(res.body.client_ip).toBe('203.0.113.9');
  });

  it('GET / ignores X-Forwarded-For from a peer TRUST_PROXY does not list', async () => {
    const strict = await createTestApp({ TRUST_PROXY: '10.0.0.0/8' });
    try {
      const res = await request(strict.url).get('/').set('X-Forwarded-For', '203.0.113.9').expect(200);
      expect(res.body.client_ip).toBe('127.0.0.1');
    } finally {
      await strict.close();
    }
  });

  it('GET /products lists the catalog', async () => {
    const res = await request(t.url).get('/products').expect(200);
    expect(res.body).toEqual(PRODUCTS);
    expect(res.body.length).toBeGreaterThanOrEqual(5);
  });

  it('reads never create a session', async () => {
    const res = await request(t.url).get('/cart').expect(200);
    expect(res.body).toEqual({ served_by: 'app7', items: [], item_count: 0, total_cents: 0 });
    expect(sidOf(res)).toBeUndefined();
    const cleared = await request(t.url).delete('/cart').expect(200);
    expect(sidOf(cleared)).toBeUndefined();
    const stats = await request(t.url).get('/stats').expect(200);
    expect(stats.body.sessions).toBe(0);
  });

  it('the first write sets a signed, HttpOnly, SameSite=Lax sid cookie with maxAge = TTL', async () => {
    const res = await request(t.url).post('/cart/items').send({ sku: 'sku-apple', qty: 1 }).expect(201);
    const cookie = sidOf(res)!;
    expect(cookie).toMatch(/^sid=s%3A[^;]+\.[^;]+;/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/; Secure/);
    const expires = Date.parse(/Expires=([^;]+)/.exec(cookie)![1]);
    expect(Math.abs(expires - (Date.now() + 1800_000))).toBeLessThan(5_000);
  });

  it('COOKIE_SECURE=auto marks the cookie Secure behind an https proxy only', async () => {
    const https = await request(t.url)
      .post('/cart/items')
      .set('X-Forwarded-Proto', 'https')
      .send({ sku: 'sku-apple', qty: 1 })
      .expect(201);
    expect(sidOf(https)).toMatch(/; Secure/);
  });

  it('the session TTL is an idle expiry: every cart response renews the cookie (Max-Age) and the session', async () => {
    const short = await createTestApp({ APP_NAME: 'idle', SESSION_TTL_SECONDS: '2' });
    try {
      const agent = request.agent(short.url);
      const first = await agent.post('/cart/items').send({ sku: 'sku-apple', qty: 1 }).expect(201);
      expect(sidOf(first)).toMatch(/; Max-Age=2(;|$)/);
      // Keep using the cart for twice the TTL: an expiry fixed at creation would drop it half-way.
      const until = Date.now() + 4_000;
      while (Date.now() < until) {
        const res = await agent.get('/cart').expect(200);
        expect([sidOf(res)?.split(';')[0], res.body.item_count]).toEqual([sidOf(first)?.split(';')[0], 1]);
        expect(sidOf(res)).toMatch(/; Max-Age=2(;|$)/);
        await new Promise((r) => setTimeout(r, 400)); // a shopper's pace, not a wait for a state
      }
      // A cookie-less read sets no cookie (nothing rolls without a stored session).
      expect(sidOf(await request(short.url).get('/cart').expect(200))).toBeUndefined();
    } finally {
      await short.close();
    }
  });

  it('a whole cart lifecycle: add, add again, set, remove, clear', async () => {
    const agent = request.agent(t.url);
    let res = await agent.post('/cart/items').send({ sku: 'sku-apple', qty: 2 }).expect(201);
    expect(res.body).toEqual({
      served_by: 'app7',
      items: [{ sku: 'sku-apple', name: expect.any(String), qty: 2, unit_price_cents: 449, line_total_cents: 898 }],
      item_count: 2,
      total_cents: 898,
    });
    const sid = sidOf(res)?.split(';')[0];
    await agent.post('/cart/items').send({ sku: 'sku-apple', qty: 3 }).expect(201);
    res = await agent.post('/cart/items').send({ sku: 'sku-mug', qty: 1 }).expect(201);
    expect(sidOf(res)?.split(';')[0]).toBe(sid); // the session exists: the same sid, its lifetime renewed
    expect(res.body.items.map((i: { sku: string; qty: number }) => [i.sku, i.qty])).toEqual([
      ['sku-apple', 5],
      ['sku-mug', 1],
    ]);
    expect(res.body.total_cents).toBe(5 * 449 + 1450);
    expect(res.body.item_count).toBe(6);

    res = await agent.patch('/cart/items/sku-apple').send({ qty: 1 }).expect(200);
    expect(res.body.items[0].qty).toBe(1);
    res = await agent.delete('/cart/items/sku-mug').expect(200);
    expect(res.body.items.map((i: { sku: string }) => i.sku)).toEqual(['sku-apple']);
    expect((await agent.get('/cart').expect(200)).body.item_count).toBe(1);
    res = await agent.delete('/cart').expect(200);
    expect(res.body.items).toEqual([]);
    expect((await agent.get('/cart').expect(200)).body.items).toEqual([]);
  });

  it('a forged or garbled sid cookie is no session', async () => {
    const agent = request.agent(t.url);
    const first = await agent.post('/cart/items').send({ sku: 'sku-tea', qty: 1 }).expect(201);
    const real = sidOf(first)!.split(';')[0];
    const [name, value] = real.split('=');
    const forged = `${name}=${value.slice(0, -3)}abc`; // same id, wrong signature
    for (const cookie of [forged, 'sid=garbage', 'sid=s%3Aunsigned', 'sid=%E0%A4%A']) {
      const res = await request(t.url).get('/cart').set('Cookie', cookie).expect(200);
      expect(res.body.items).toEqual([]);
    }
    expect((await agent.get('/cart').expect(200)).body.item_count).toBe(1);
  });

  it('every secret of SESSION_SECRET verifies (rotation); other secrets do not', async () => {
    const rotated = await createTestApp({ SESSION_SECRET: 'new-secret,old-secret' });
    try {
      const agent = request.agent(rotated.url);
      const res = await agent.post('/cart/items').send({ sku: 'sku-tea', qty: 4 }).expect(201);
      const value = decodeURIComponent(sidOf(res)!.split(';')[0].slice('sid='.length));
      const id = signature.unsign(value.slice(2), 'new-secret'); // the first secret signs
      expect(id).not.toBe(false);
      const withSecret = (secret: string) => `sid=${encodeURIComponent('s:' + signature.sign(id as string, secret))}`;
      const cart = (cookie: string) => request(rotated.url).get('/cart').set('Cookie', cookie).expect(200);
      expect((await cart(withSecret('old-secret'))).body.item_count).toBe(4);
      expect((await cart(withSecret('other-secret'))).body.item_count).toBe(0);
    } finally {
      await rotated.close();
    }
  });

  it('GET /health/live and /health/ready answer 200', async () => {
    expect((await request(t.url).get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
    expect((await request(t.url).get('/health/ready').expect(200)).body.status).toBe('ok');
  });

  it('GET /stats counts requests (not its own reads) and in-memory sessions', async () => {
    const agent = request.agent(t.url);
    await agent.post('/cart/items').send({ sku: 'sku-bread', qty: 1 }).expect(201);
    await request(t.url).post('/cart/items').send({ sku: 'sku-bread', qty: 1 }).expect(201);
    const before = (await request(t.url).get('/stats').expect(200)).body;
    expect(before).toEqual({
      app_name: 'app7',
      session_store: 'memory',
      sessions: 2,
      requests_served: 2,
      live_sockets: 0,
      live_caps: { max: 1000, perSession: 8, perAddress: 64 },
      live_refused: { replica: 0, session: 0, address: 0 },
      rss_bytes: expect.any(Number),
      uptime_s: expect.any(Number),
    });
    await request(t.url).get('/');
    expect((await request(t.url).get('/stats')).body.requests_served).toBe(3);
  });

  it('X-Served-By is on every response, errors and unknown routes included', async () => {
    for (const [method, path] of [
      ['get', '/nope'],
      ['get', '/cart'],
      ['post', '/cart/items'],
      ['get', '/health/live'],
      ['delete', '/cart/items/sku-none'],
    ] as const) {
      const res = await request(t.url)[method](path);
      expect([method, path, res.headers['x-served-by']]).toEqual([method, path, 'app7']);
    }
  });

  it('unknown routes answer a JSON 404', async () => {
    const res = await request(t.url).get('/nope').expect(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Cannot GET /nope' });
  });
});

describe('cart-api session expiry (memory store)', () => {
  it('sessions and their carts go after SESSION_TTL_SECONDS without use', async () => {
    const t = await createTestApp({ SESSION_TTL_SECONDS: '1' });
    try {
      const agent = request.agent(t.url);
      await agent.post('/cart/items').send({ sku: 'sku-apple', qty: 1 }).expect(201);
      expect((await request(t.url).get('/stats')).body.sessions).toBe(1);
      await waitFor('session expired', async () => (await request(t.url).get('/stats')).body.sessions === 0, {
        timeoutMs: 5_000,
        intervalMs: 200,
      });
      // The cart went with its session.
      expect(t.app.get<MemoryCartRepository>(CART_REPOSITORY).size).toBe(0);
      expect((await agent.get('/cart').expect(200)).body.items).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('a signed sid whose session is gone is reported as expired-or-lost until a new session is issued', async () => {
    const t = await createTestApp({ SESSION_TTL_SECONDS: '1' });
    try {
      const agent = request.agent(t.url);
      const first = await agent.post('/cart/items').send({ sku: 'sku-apple', qty: 1 }).expect(201);
      expect([first.headers['x-session-status'], first.body.session]).toEqual([undefined, undefined]);
      const oldCookie = sidOf(first)!.split(';')[0];
      await waitFor('session expired', async () => (await request(t.url).get('/stats')).body.sessions === 0, {
        timeoutMs: 5_000,
        intervalMs: 200,
      });
      const read = await request(t.url).get('/cart').set('Cookie', oldCookie).expect(200);
      expect([read.headers['x-session-status'], read.body.session, read.body.items]).toEqual(['expired-or-lost', 'expired-or-lost', []]);
      // The response that issues the new cookie says why a new one came.
      const add = await request(t.url).post('/cart/items').set('Cookie', oldCookie).send({ sku: 'sku-tea', qty: 1 }).expect(201);
      expect([add.headers['x-session-status'], add.body.session]).toEqual(['expired-or-lost', 'expired-or-lost']);
      const fresh = sidOf(add)!.split(';')[0];
      expect(fresh).not.toBe(oldCookie);
      const next = await request(t.url).get('/cart').set('Cookie', fresh).expect(200);
      expect([next.headers['x-session-status'], next.body.session, next.body.item_count]).toEqual([undefined, undefined, 1]);
      // A forged or foreign cookie is not a lost session: nothing is claimed about it.
      const forged = await request(t.url).get('/cart').set('Cookie', `sid=${encodeURIComponent('s:abc.' + 'x'.repeat(43))}`);
      expect([forged.headers['x-session-status'], forged.body.session]).toEqual([undefined, undefined]);
    } finally {
      await t.close();
    }
  });
});

describe('cart-api session cap (memory store)', () => {
  it('past SESSION_MAX a new session gets 503 + Retry-After; existing sessions keep working', async () => {
    const t = await createTestApp({ APP_NAME: 'capped', SESSION_MAX: '2', SESSION_TTL_SECONDS: '30' });
    try {
      const a = request.agent(t.url);
      const b = request.agent(t.url);
      await a.post('/cart/items').send({ sku: 'sku-apple', qty: 1 }).expect(201);
      await b.post('/cart/items').send({ sku: 'sku-bread', qty: 1 }).expect(201);
      const refused = await request(t.url).post('/cart/items').send({ sku: 'sku-tea', qty: 1 });
      expect([refused.status, refused.headers['retry-after'], refused.body.message]).toEqual([
        503,
        '30',
        expect.stringMatching(/maximum of 2 sessions/),
      ]);
      expect(sidOf(refused)).toBeUndefined();
      expect((await a.post('/cart/items').send({ sku: 'sku-apple', qty: 1 }).expect(201)).body.item_count).toBe(2);
      expect((await b.get('/cart').expect(200)).body.item_count).toBe(1);
      expect((await request(t.url).get('/stats')).body.sessions).toBe(2);
    } finally {
      await t.close();
    }
  });
});
