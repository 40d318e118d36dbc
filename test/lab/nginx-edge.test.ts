// What the balancer itself answers, on every strategy's shared snippets:
// errors in the API's JSON shape, /stats kept private, a per-client rate
// limit, and an access log that never holds a replayable session cookie.
import { NginxLab } from '../../apps/lab/src/nginx/testing/nginx-lab';
import { readAccessLog } from '../../apps/lab/src/nginx/access-log';
import { probe } from '../../apps/lab/src/nginx/testing/probe';
import { waitFor } from '../../apps/lab/src/process/wait';
import { parseRaw, rawRequest } from '../support/raw-http';

jest.setTimeout(60_000);

function expectJsonError(r: { status: number; body: string; contentType?: string }, status: number, error: string): void {
  expect([r.status, r.contentType]).toEqual([status, 'application/json']);
  expect(JSON.parse(r.body)).toEqual({ statusCode: status, error, message: expect.any(String) });
}

describe('nginx edge (shared snippets)', () => {
  let lab: NginxLab;
  beforeEach(async () => {
    lab = await NginxLab.start({ strategy: 'round-robin', replicas: ['app1', 'app2'] });
  });
  afterEach(async () => {
    await lab?.close();
  });

  const raw = async (request: string, from?: string) => {
    const r = await rawRequest(lab.url, request, { from });
    return { ...r, contentType: r.headers['content-type'] };
  };

  it.each([
    [400, 'a malformed request line', 'Bad Request', 'HELLO THERE\r\n\r\n'],
    [414, 'a URI over the header buffers', 'URI Too Long', `GET /${'a'.repeat(10_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
    [413, 'a body over client_max_body_size', 'Payload Too Large', 'POST /cart/items HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n'],
    [501, 'an unknown transfer coding', 'Not Implemented', 'POST /cart/items HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip2\r\n\r\n'],
  ])('JSON %i from nginx itself for %s', (status, _what, error, request) =>
    lab.check(async () => {
      const r = await raw(request);
      expectJsonError(r, status, error);
      expect(r.headers['x-served-by']).toBeUndefined();
    }));

  it('no replica left: a JSON 502, not an HTML page', () =>
    lab.check(async () => {
      await lab.backends.stop('app1');
      await lab.backends.stop('app2');
      const r = await probe(`${lab.url}/cart`);
      expect(r.servedBy).toBe('');
      expect([r.status, JSON.parse(r.body)]).toEqual([502, { statusCode: 502, error: 'Bad Gateway', message: expect.stringMatching(/no replica/) }]);
    }));

  it('/stats is not served through the balancer (403 JSON); other paths are', () =>
    lab.check(async () => {
      const r = await raw('GET /stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', '127.0.8.1');
      expectJsonError(r, 403, 'Forbidden');
      expect(r.headers['x-served-by']).toBeUndefined();
      // Express routes case-insensitively and ignores a trailing slash: so does the rule.
      for (const path of ['/STATS', '/stats/', '//stats', '/%73tats', '/stats?x=1']) {
        expect([path, (await probe(`${lab.url}${path}`, { from: '127.0.8.1' })).status]).toEqual([path, 403]);
      }
      expect((await probe(`${lab.url}/products`, { from: '127.0.8.1' })).status).toBe(200);
    }));

  it('the access log keeps a short fingerprint of the sid, never the cookie itself', () =>
    lab.check(async () => {
      const signed = 's%3AsecretSessionId123.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789%2B%2Fab';
      await probe(`${lab.url}/cart`, { headers: { Cookie: `sid=${signed}; route=app9` } });
      await probe(`${lab.url}/cart`);
      const entries = await waitFor('two access log lines', async () => {
        const all = await readAccessLog(lab.runDir);
        return all.length >= 2 ? all : null;
      });
      const text = JSON.stringify(entries);
      expect(text).not.toContain('secretSessionId123');
      expect(entries.map((e) => (e as unknown as { sid_fp: string }).sid_fp)).toEqual(['AbCdEfGh', '']);
      expect(entries[0].cookie_route).toBe('app9');
    }));

  it('a flood from one address gets 429 JSON while another address is still served', () =>
    lab.check(async () => {
      // rate 100 r/s, burst 400 answered at once: 900 requests in a few
      // hundred ms from 127.0.5.1 must run past 400 + 100 r/s × elapsed.
      const flood = async () => {
        const statuses: number[] = [];
        for (let round = 0; round < 18; round++) {
          const batch = await Promise.all(Array.from({ length: 50 }, () => probe(`${lab.url}/`, { from: '127.0.5.1' })));
          statuses.push(...batch.map((r) => r.status));
        }
        return statuses;
      };
      const statuses = await flood();
      const limited = statuses.filter((s) => s === 429).length;
      expect(limited).toBeGreaterThan(0);
      expect(statuses.filter((s) => s !== 429 && s !== 200)).toEqual([]);
      const refused = await probe(`${lab.url}/`, { from: '127.0.5.1' });
      if (refused.status === 429) expect(JSON.parse(refused.body)).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
      expect((await probe(`${lab.url}/`, { from: '127.0.6.1' })).status).toBe(200);
    }));

  it('the 429 body is JSON', () =>
    lab.check(async () => {
      let last = parseRaw('');
      for (let i = 0; i < 20 && last.status !== 429; i++) {
        const batch = await Promise.all(Array.from({ length: 100 }, () => rawRequest(lab.url, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', { from: '127.0.9.1' })));
        last = batch.find((r) => r.status === 429) ?? last;
      }
      expectJsonError({ ...last, contentType: last.headers['content-type'] }, 429, 'Too Many Requests');
    }));
});
