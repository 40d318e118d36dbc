import { createHash } from 'node:crypto';
import { createServer, request, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Topology, TopologyStatus } from '../topology/topology';
import { createDashboard, Dashboard } from './index';

// The HTTP surface only; the browser suite (test/ui) drives it for real.
const status: TopologyStatus = {
  driver: 'process',
  strategy: 'ip-hash',
  store: 'memory',
  session: { ttlSeconds: 1800, max: 100_000 },
  url: 'http://127.0.0.1:9', // discard port: the background clients fail fast
  replicas: [{ name: 'app1', state: 'stopped', markedDown: false, url: 'http://127.0.0.1:9' }],
  balancer: { engine: 'nginx', version: '1.22.1', sticky: 'portable' },
};
const topology = { url: status.url, status: async () => status } as unknown as Topology;

let dashboard: Dashboard;
let server: Server;
let base: string;

beforeAll(async () => {
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
  expect(state).toMatchObject({ strategy: 'ip-hash', store: 'memory', shopUrl: 'http://127.0.0.1:9/ui/', redis: null });
  // The page enables what the server's transition table allows, nothing it copies.
  expect(state.replicas).toEqual([expect.objectContaining({ name: 'app1', stats: null, actions: ['start', 'mark-down'] })]);
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
  expect([rebound.status, rebound.body.error]).toEqual([403, expect.stringMatching(/Host "attacker\.example:80" refused/)]);
  const crossSite = await rawGet(path, { origin: 'http://evil.example' });
  expect([crossSite.status, crossSite.body.error]).toEqual([403, expect.stringMatching(/cross-origin request from http:\/\/evil\.example refused/)]);
  // The dashboard's own page and a loopback name pass.
  expect((await rawGet(path, { host: 'localhost', origin: base })).status).toBeLessThan(300);
});

it('switches the clients to one /24 and refuses requests that are not local JSON', async () => {
  const post = (body: string, headers: Record<string, string>) => fetch(`${base}/dash/clients`, { method: 'POST', body, headers });
  const nat = await post('{"sameNat":true}', { 'content-type': 'application/json' });
  expect((await nat.json()).tiles.map((t: { address: string }) => t.address)).toEqual(['127.0.200.1', '127.0.200.2']);
  expect((await post('sameNat=true', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
  expect((await post('{"sameNat":true}', { 'content-type': 'application/json', origin: 'http://evil.example' })).status).toBe(403);
  expect((await post('{"sameNat":"yes"}', { 'content-type': 'application/json' })).status).toBe(400);
});

it('leaves other paths to the control server', async () => {
  expect((await fetch(`${base}/api/status`)).status).toBe(404);
  expect((await fetch(`${base}/dash/nope`)).status).toBe(404);
});
