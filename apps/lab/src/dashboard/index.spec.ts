import { createHash } from 'node:crypto';
import { createServer, request, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RecordingDriver } from '../../../../test/support/recording-driver';
import { createDashboard, Dashboard } from './index';

// The HTTP surface only, on the real topology core with a driver that only
// records; the browser suite (test/ui) drives it for real. Its url's port 1
// refuses at once: the background clients fail fast.
let dashboard: Dashboard;
let server: Server;
let base: string;

beforeAll(async () => {
  const topology = new RecordingDriver({ strategy: 'ip-hash' });
  await topology.boot(1);
  await topology.stop('app1');
  dashboard = createDashboard({ topology, fleet: { clients: 2, intervalMs: 60_000 } })!;
  server = createServer((req, res) => {
    if (!dashboard.handle(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await dashboard.close();
  await new Promise((r) => server.close(r));
});

it('serves the page with a CSP that allows exactly its inline script', async () => {
  const res = await fetch(`${base}/`);
  const html = await res.text();
  const script = /<script>([\s\S]*)<\/script>/.exec(html)![1];
  const hash = createHash('sha256').update(script).digest('base64');
  expect(res.headers.get('content-security-policy')).toContain(`script-src 'sha256-${hash}'`);
  expect(() => new Function(script)).not.toThrow();
  // Function#toString keeps the body only: an import used inside would dangle.
  expect(script).not.toMatch(/\b(require|exports|_\w+_1)\b/);
  expect(html).not.toMatch(/(src|href)="https?:/); // nothing from elsewhere
});

it('reports the topology, the explanation and the client grid as JSON, and a GET starts nothing', async () => {
  const state = await (await fetch(`${base}/dash/state`)).json();
  expect(state).toMatchObject({ strategy: 'ip-hash', store: 'memory', shopUrl: 'http://127.0.0.1:1/ui/', redis: null });
  // The page enables what the server's transition table allows, nothing it copies.
  expect(state.replicas).toEqual([expect.objectContaining({ name: 'app1', stats: null, actions: ['start', 'mark-down'] })]);
  // Worded as `lab status` words it: nginx reads no health, so the stopped replica stays in rotation.
  expect(state.replicas[0].rotation).toEqual({ kind: 'in rotation', word: 'in rotation', meaning: 'gets its share of traffic', note: expect.stringMatching(/^nginx has no active health check/) });
  expect(state.explanation).toContain('ip-hash');
  // Reading is not starting: an <img src=/dash/state> on any page must not set 12 shoppers going.
  expect(state.clients).toMatchObject({ running: false, tiles: [], note: null });
  const started = await fetch(`${base}/dash/clients`, { method: 'POST', body: '{"running":true}', headers: { 'content-type': 'application/json' } });
  expect((await started.json()).tiles.map((t: { address: string }) => t.address)).toEqual(['127.0.1.1', '127.0.2.1']);
});

/** A GET with headers fetch() will not send as given (Host). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers }, (res) => {
      let text = '';
      const json = String(res.headers['content-type']).startsWith('application/json');
      res.on('data', (d) => (text += d)).on('end', () => resolve({ status: res.statusCode ?? 0, body: json ? JSON.parse(text) : {} }));
    })
      .on('error', reject)
      .end();
  });
}

it.each(['/', '/dash/state', '/dash/timeline', '/favicon.ico'])('GET %s refuses a foreign Host or Origin (DNS rebinding, cross-site reads)', async (path) => {
  const rebound = await rawGet(path, { host: 'attacker.example:80' });
  expect([rebound.status, rebound.body]).toEqual([403, { statusCode: 403, error: 'foreign_host', message: expect.stringMatching(/Host "attacker\.example:80" refused/) }]);
  const crossSite = await rawGet(path, { origin: 'http://evil.example' });
  expect([crossSite.status, crossSite.body]).toEqual([403, { statusCode: 403, error: 'cross_origin', message: expect.stringMatching(/cross-origin request from http:\/\/evil\.example refused/) }]);
  // The dashboard's own page and a loopback name pass.
  expect((await rawGet(path, { host: 'localhost', origin: base })).status).toBeLessThan(300);
});

it('switches the clients to one /24 and refuses requests that are not local JSON', async () => {
  const post = (body: string, headers: Record<string, string>) => fetch(`${base}/dash/clients`, { method: 'POST', body, headers });
  const nat = await post('{"sameNat":true}', { 'content-type': 'application/json' });
  expect((await nat.json()).tiles.map((t: { address: string }) => t.address)).toEqual(['127.0.200.1', '127.0.200.2']);
  const json = { 'content-type': 'application/json' };
  // Each refusal in the shape cart-api and the balancers use: a code, and a sentence for people.
  const refusals: [string, Response, number, string][] = [
    ['a form', await post('sameNat=true', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type'],
    ['a foreign Origin', await post('{"sameNat":true}', { ...json, origin: 'http://evil.example' }), 403, 'cross_origin'],
    ['a bad value', await post('{"sameNat":"yes"}', json), 400, 'invalid_argument'],
    ['bad JSON', await post('{"sameNat":', json), 400, 'invalid_json'],
    ['too large a body', await post(JSON.stringify({ pad: 'x'.repeat(100_000) }), json), 413, 'body_too_large'],
  ];
  for (const [what, res, status, error] of refusals) {
    expect([what, res.status, await res.json()]).toEqual([what, status, { statusCode: status, error, message: expect.stringMatching(/^\S.{8,}/) }]);
  }
});

it('leaves other paths to the control server', async () => {
  expect((await fetch(`${base}/api/status`)).status).toBe(404);
  expect((await fetch(`${base}/dash/nope`)).status).toBe(404);
});
