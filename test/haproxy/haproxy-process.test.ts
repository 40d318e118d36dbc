// The HAProxy process contract, the same as nginx's in the lab: the rendered
// generation answers, /stats and /metrics stay private, X-Forwarded-For comes from the TCP peer only, errors
// HAProxy answers itself are JSON, a reload drops no in-flight request, the
// access log is JSON without the session cookie, and the runtime API drives
// a server's admin state.
import { HaproxyLab } from './support/haproxy-lab';
import { probe } from '../support/probe';
import { rawRequest } from '../support/raw-http';
import { describeIfInstalled } from './support/requires';

const describeHaproxy = describeIfInstalled(__filename);

jest.setTimeout(60_000);

describeHaproxy('haproxy process', () => {
  let lab: HaproxyLab;
  beforeEach(async () => {
    lab = await HaproxyLab.start({ strategy: 'round-robin' });
  });
  afterEach(async () => {
    await lab?.close();
  });

  it('answers its generation, refuses /stats and /metrics, passes /docs, and sets X-Forwarded-For from the TCP peer, dropping the forged one', () =>
    lab.check(async () => {
      expect((await lab.get('/__lab/generation')).body).toBe('1');
      // As nginx does, and as Express routes them: any case, trailing slash, doubled slash, percent-encoded.
      for (const path of ['/stats', '/STATS', '/stats/', '//stats', '/%73tats', '/stats?x=1', '/metrics', '/Metrics/']) {
        const denied = await lab.get(path);
        expect([path, denied.status, JSON.parse(denied.body).statusCode]).toEqual([path, 403, 403]);
      }
      expect(lab.backends.served.size).toBe(0);
      // The OpenAPI document and its UI are public: they reach a replica.
      for (const path of ['/docs-json', '/docs/']) expect([path, (await lab.get(path)).status]).toEqual([path, 200]);
      const r = await lab.get('/', { from: '127.0.7.9', headers: { 'X-Forwarded-For': '6.6.6.6', 'X-Real-IP': '6.6.6.6' } });
      const seen = JSON.parse(r.body) as { headers: Record<string, string> };
      expect(seen.headers['x-forwarded-for']).toBe('127.0.7.9');
      expect(seen.headers['x-real-ip']).toBe('127.0.7.9');
    }));

  it('answers JSON when no replica is left, and when the request is malformed', () =>
    lab.check(async () => {
      await lab.reconfigure({ down: ['app1', 'app2', 'app3'] });
      const r = await lab.get('/cart');
      expect(r.status).toBe(503);
      expect(r.contentType).toBe('application/json');
      expect(JSON.parse(r.body)).toMatchObject({ statusCode: 503, error: 'no_replica' });
      // Measured limit of HAProxy 2.6: a request its HTTP/1 parser rejects is
      // answered with the built-in HTML 400 before any proxy rule runs, so
      // neither http-error nor errorfile applies. Pinned here so a newer
      // HAProxy that honours them shows up as a failing expectation.
      const bad = await probe(`${lab.url}/`, { headers: { 'Content-Length': 'x' } });
      expect(bad.status).toBe(400);
      expect(bad.contentType).toBe('text/html');
      expect(lab.backends.served.size).toBe(0);
    }));

  it('reloads without dropping in-flight requests', () =>
    lab.check(async () => {
      // 6 requests held 1.5 s each are in flight while the master reloads:
      // the old worker must finish every one of them.
      const inFlight = Array.from({ length: 6 }, () => lab.get('/slow?hold=1500'));
      await new Promise((r) => setImmediate(r));
      const oldWorkers = lab.haproxy.workerPids();
      await lab.reconfigure({ drain: [] });
      expect((await lab.get('/__lab/generation')).body).toBe('2');
      const results = await Promise.all(inFlight);
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(lab.haproxy.workerPids().some((w) => oldWorkers.includes(w))).toBe(false);
    }));

  it('logs one JSON line per request with a fingerprint of the session signature, never the session id', () =>
    lab.check(async () => {
      const signed = 's%3AsecretSessionId123.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789%2B%2Fab';
      await lab.get('/cart?x=1', { from: '127.0.8.1', headers: { Cookie: `sid=${signed}; route=app2` } });
      // No signature, no fingerprint (HAProxy logs an empty value as "-"): the first characters would be the id itself.
      await lab.get('/cart', { from: '127.0.8.2', headers: { Cookie: 'sid=unsignedSecretId' } });
      const line = await waitForLogLine(lab, '127.0.8.1');
      expect(line).toMatchObject({ remote_addr: '127.0.8.1', method: 'GET', path: '/cart', status: 200, cookie_route: 'app2', sid_fp: 'AbCdEfGh' });
      expect((await waitForLogLine(lab, '127.0.8.2')).sid_fp).toBe('-');
      for (const secret of ['secretSession', 's%3Asecr', 'unsignedSecretId', 'unsigned']) expect(lab.haproxy.accessLog()).not.toContain(secret);
      expect(lab.haproxy.accessLog()).not.toContain('__lab/generation');
    }));

  it('/stats is not served through the balancer (403 JSON), however it is spelled; other paths are', () =>
    lab.check(async () => {
      for (const path of ['/stats', '/STATS', '/stats/', '//stats', '/%73tats', '/stats?x=1']) {
        const r = await lab.get(path, { from: '127.0.8.3' });
        expect([path, r.status, r.contentType, JSON.parse(r.body)]).toEqual([path, 403, 'application/json', { statusCode: 403, error: 'forbidden', message: expect.any(String) }]);
      }
      expect(lab.backends.served.size).toBe(0);
      expect((await lab.get('/products', { from: '127.0.8.3' })).status).toBe(200);
    }));

  // Measured limit of HAProxy 2.6: its HTTP/1 parser answers these from
  // compiled-in HTML before a stream exists (mux_h1's h1_send_error honours
  // only an empty errorfile), so neither http-error nor errorfile applies.
  // Pinned so that a HAProxy that honours them shows up as a failing expectation.
  it.each([
    ['a smuggling attempt (two Content-Lengths)', 'POST /cart/items HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello'],
    ['a 32 KB cookie', `GET / HTTP/1.1\r\nHost: x\r\nCookie: a=${'b'.repeat(32 * 1024)}\r\n\r\n`],
    ['a 20 KB request line', `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
  ])('answers %s with its built-in HTML 400 (known limit)', (_what, request) =>
    lab.check(async () => {
      const r = await rawRequest(lab.url, request, { timeoutMs: 5_000 });
      expect([r.status, r.headers['content-type']]).toEqual([400, 'text/html']);
      expect(lab.backends.served.size).toBe(0);
    }));

  it('drives admin states through the runtime API and refuses a name that could smuggle a command', () =>
    lab.check(async () => {
      await lab.api.drain('app2');
      expect((await lab.api.servers()).find((s) => s.name === 'app2')?.adminState).toBe(0x08);
      await lab.api.maint('app2');
      expect(await lab.many(9)).toEqual({ app1: expect.any(Number), app3: expect.any(Number) });
      await lab.api.ready('app2');
      expect((await lab.api.servers()).find((s) => s.name === 'app2')?.adminState).toBe(0);
      await expect(lab.api.drain('app2;shutdown frontend lab')).rejects.toThrow(/bad server name/);
      await expect(lab.api.drain('app9')).rejects.toThrow(/refused drain for app9/);
    }));
});

async function waitForLogLine(lab: HaproxyLab, from: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const line = lab.haproxy.accessLog().split('\n').find((l) => l.includes(`"${from}"`));
    if (line) return JSON.parse(line) as Record<string, unknown>;
    if (Date.now() > deadline) throw new Error(`no access log line from ${from} within 5 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
