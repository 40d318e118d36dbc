// What the balancer itself answers, on every strategy's shared snippets:
// errors in the API's JSON shape, /stats kept private, a per-client rate
// limit, an access log that never holds a replayable session cookie, and a
// route cookie that is Secure over https.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { get as httpsGet } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAccessLog } from '../../apps/lab/src/nginx/access-log';
import { runPaths } from '../../apps/lab/src/nginx/main-conf';
import { renderNginx } from '../../apps/lab/src/nginx/render';
import { EchoReplicas } from '../support/nginx/echo-replicas';
import { NginxLab } from '../support/nginx/nginx-lab';
import { probe } from '../support/probe';
import { freePort } from '../../apps/lab/src/util/free-port';
import { NginxProcess } from '../../apps/lab/src/nginx/process';
import { waitFor } from '../../apps/lab/src/util/wait';
import { rawRequest } from '../support/raw-http';
import { overConnectionLimit } from '../support/conn-limit';

jest.setTimeout(60_000);

function expectJsonError(r: { status: number; body: string; contentType?: string }, status: number, error: string): void {
  expect([r.status, r.contentType]).toEqual([status, 'application/json']);
  expect(JSON.parse(r.body)).toEqual({ statusCode: status, error, message: expect.any(String) });
}

/** `count` GETs written at once on one connection (HTTP/1.1 pipelining); resolves with everything read until the server closes. */
function pipelined(url: string, count: number, from: string): Promise<string> {
  const { hostname, port } = new URL(url);
  const requests = Array.from({ length: count }, (_, i) => `GET / HTTP/1.1\r\nHost: x\r\n${i === count - 1 ? 'Connection: close\r\n' : ''}\r\n`).join('');
  return new Promise((resolve, reject) => {
    const sock = connect({ host: hostname, port: Number(port), localAddress: from }, () => sock.write(requests));
    let text = '';
    const timer = setTimeout(() => sock.destroy(new Error(`flood not answered within 30 s (${text.length} bytes read)`)), 30_000);
    sock.on('data', (d) => (text += d.toString()));
    sock.on('close', () => {
      clearTimeout(timer);
      resolve(text);
    });
    sock.on('error', reject);
  });
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
    [414, 'a URI over the header buffers (16 KB)', 'URI Too Long', `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
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

  it('/stats and /metrics are not served through the balancer (403 JSON); other paths, /docs too, are', () =>
    lab.check(async () => {
      const r = await raw('GET /stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', '127.0.8.1');
      expectJsonError(r, 403, 'Forbidden');
      expect(r.headers['x-served-by']).toBeUndefined();
      // Express routes case-insensitively and ignores a trailing slash: so does the rule.
      for (const path of ['/STATS', '/stats/', '//stats', '/%73tats', '/stats?x=1', '/metrics', '/Metrics/']) {
        expect([path, (await probe(`${lab.url}${path}`, { from: '127.0.8.1' })).status]).toEqual([path, 403]);
      }
      expect((await probe(`${lab.url}/products`, { from: '127.0.8.1' })).status).toBe(200);
      // The OpenAPI document and its UI are public: they reach a replica.
      for (const path of ['/docs-json', '/docs/']) {
        const docs = await probe(`${lab.url}${path}`, { from: '127.0.8.1' });
        expect([path, docs.status, docs.servedBy]).toEqual([path, 200, expect.stringMatching(/^app/)]);
      }
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
      // rate 100 r/s, burst 400 answered at once. 2 × 600 pipelined requests
      // from 127.0.5.1: at most 400 + 100 × (seconds the flood lasts) pass,
      // the rest are refused at once, so even a slow machine sees 429s.
      const replies = (await Promise.all([pipelined(lab.url, 600, '127.0.5.1'), pipelined(lab.url, 600, '127.0.5.1')])).join('');
      const statuses = [...replies.matchAll(/^HTTP\/1\.1 (\d{3}) /gm)].map((m) => Number(m[1]));
      expect(statuses.length).toBeGreaterThan(400);
      expect(statuses.filter((st) => st !== 200 && st !== 429)).toEqual([]);
      expect(statuses.filter((st) => st === 429).length).toBeGreaterThan(0);
      const body = /^HTTP\/1\.1 429 [^]*?\r\n\r\n(\{.*\})\n/m.exec(replies)?.[1];
      expect(JSON.parse(body ?? 'null')).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(/too many requests/) });
      // Another client is not affected by the first one's flood.
      expect((await probe(`${lab.url}/`, { from: '127.0.6.1' })).status).toBe(200);
    }));

  it('over 64 connections in progress from one address: JSON 429 with Retry-After; another address is served', () =>
    lab.check(async () => {
      const { same, other } = await overConnectionLimit(lab.url, '127.0.7.1', '127.0.8.1');
      expect([same.status, same.headers['retry-after']]).toEqual([429, '1']);
      expect(JSON.parse(same.body)).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.stringMatching(/connections/) });
      expect(other.status).toBe(200);
    }));
});

describe('nginx sticky-cookie route cookie over https', () => {
  let backends: EchoReplicas | undefined;
  let nginx: NginxProcess | undefined;
  let runDir = '';
  afterEach(async () => {
    await nginx?.stop();
    await backends?.close();
    if (runDir) await rm(runDir, { recursive: true, force: true });
  });

  it('is Secure when the client came over https, and not over plain http', async () => {
    runDir = await mkdtemp(join(tmpdir(), 'lab-nginx-tls-'));
    backends = await EchoReplicas.start(['app1', 'app2']);
    const listen = { host: '127.0.0.1', port: await freePort() };
    const tlsPort = await freePort();
    const rendered = await renderNginx({ strategy: 'sticky-cookie', sticky: 'portable', replicas: backends.replicas(), listen, runDir, generation: 1 });
    // A second, TLS listener on the same server block (the lab itself serves plain http).
    const [cert, key] = [join(runDir, 'cert.pem'), join(runDir, 'key.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
    const conf = runPaths(runDir).strategyConf;
    const plain = `listen ${listen.host}:${listen.port} backlog=4096;`;
    const text = readFileSync(conf, 'utf8');
    expect(text).toContain(plain);
    writeFileSync(conf, text.replace(plain, `${plain}\n    listen ${listen.host}:${tlsPort} ssl;\n    ssl_certificate ${cert};\n    ssl_certificate_key ${key};`));
    nginx = await NginxProcess.start({ runDir, confPath: rendered.confPath });

    const overHttps = await new Promise<string[]>((resolve, reject) =>
      httpsGet(`https://127.0.0.1:${tlsPort}/`, { rejectUnauthorized: false, agent: false }, (res) => {
        res.resume().on('end', () => resolve(res.headers['set-cookie'] ?? []));
      }).on('error', reject),
    );
    const overHttp = (await probe(`${nginx.url}/`)).setCookie;
    expect(overHttps.find((c) => c.startsWith('route='))).toMatch(/^route=app[12]; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    expect(overHttp.find((c) => c.startsWith('route='))).toMatch(/^route=app[12]; Path=\/; HttpOnly; SameSite=Lax$/);
  });
});

describe('nginx edge: over-long route cookies and requests without Host (sticky-cookie)', () => {
  let lab: NginxLab;
  // Nothing here changes the topology: one lab for every case.
  beforeAll(async () => {
    lab = await NginxLab.start({ strategy: 'sticky-cookie', replicas: ['app1', 'app2'] });
  });
  afterAll(async () => {
    await lab?.close();
  });

  const withRoute = (value: string) => rawRequest(lab.url, `GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: sid=s%3Aabc.def; route=${value}\r\n\r\n`);

  it('ignores an 8 KB route cookie: balanced afresh, re-pinned with a new cookie', () =>
    lab.check(async () => {
      const r = await withRoute('a'.repeat(8_200));
      expect(r.status).toBe(200);
      expect(r.headers['set-cookie']).toBe(`route=${r.headers['x-served-by']}; Path=/; HttpOnly; SameSite=Lax`);
    }));

  it('past the 16 KB header buffer: a JSON 400 that expires the route cookie, so the next request is re-pinned', () =>
    lab.check(async () => {
      const r = await withRoute('a'.repeat(20_000));
      expect([r.status, r.headers['content-type']]).toEqual([400, 'application/json']);
      expect(JSON.parse(r.body)).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/too large/) });
      expect(r.headers['set-cookie']).toMatch(/^route=; Max-Age=0; Path=\//);
      expect(r.headers['x-served-by']).toBeUndefined();
      // What the browser sends next: the session cookie alone.
      const next = await rawRequest(lab.url, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: sid=s%3Aabc.def\r\n\r\n');
      expect(next.status).toBe(200);
      expect(next.headers['set-cookie']).toBe(`route=${next.headers['x-served-by']}; Path=/; HttpOnly; SameSite=Lax`);
    }));

  it('HTTP/1.0 without Host reaches a replica, which sees the balancer\'s own address as Host', () =>
    lab.check(async () => {
      const r = await rawRequest(lab.url, 'GET / HTTP/1.0\r\n\r\n');
      expect(r.status).toBe(200);
      expect(['app1', 'app2']).toContain(r.headers['x-served-by']);
      expect(JSON.parse(r.body).headers.host).toBe(new URL(lab.url).host);
    }));
});
