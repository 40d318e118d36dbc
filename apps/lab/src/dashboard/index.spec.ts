import { createHash } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Topology, TopologyStatus } from '../topology/topology';
import { createDashboard, Dashboard } from './index';

// The HTTP surface only; the browser suite (test/ui) drives it for real.
const status: TopologyStatus = {
  driver: 'process',
  strategy: 'ip-hash',
  store: 'memory',
  url: 'http://127.0.0.1:9', // discard port: the background clients fail fast
  replicas: [{ name: 'app1', state: 'stopped', drained: false, url: 'http://127.0.0.1:9' }],
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

it('reports the topology, the explanation and the client grid as JSON', async () => {
  const state = await (await fetch(`${base}/dash/state`)).json();
  expect(state).toMatchObject({ strategy: 'ip-hash', store: 'memory', shopUrl: 'http://127.0.0.1:9/ui/', redis: null });
  // The page enables what the server's transition table allows, nothing it copies.
  expect(state.replicas).toEqual([expect.objectContaining({ name: 'app1', stats: null, actions: ['start', 'drain'] })]);
  expect(state.clients.tiles.map((t: { address: string }) => t.address)).toEqual(['127.0.1.1', '127.0.2.1']);
  expect(state.explanation).toContain('ip-hash');
  expect(state.clients.note).toBeNull();
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
