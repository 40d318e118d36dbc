// HAProxy under Compose (docker-compose.haproxy.yml), switched the way the
// docs say: every common strategy answers through the published port and
// keeps a cart where it should; `docker compose stop app2` is taken out by
// the health check alone (no reload); the balancer restarts while app2 is
// stopped and takes it back when it returns (Docker's DNS at run time).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../../../apps/lab/src/util/wait';
import { curl, describeDocker, header, Project, sweepLeftovers, untilServing } from './support';

const d = describeDocker('haproxy.docker');
jest.setTimeout(15 * 60_000);

const REPLICAS = ['app1', 'app2', 'app3'];
const FILES = ['docker-compose.yml', 'docker-compose.haproxy.yml'];
let p: Project;
let base: string;
let jarDir: string;
let jars = 0;

async function use(strategy: string): Promise<void> {
  await p.compose(['up', '-d', '--wait'], { env: { LB_STRATEGY: strategy } });
  base = `http://127.0.0.1:${await p.port('haproxy')}`;
  await untilServing(base);
  // The rendered config is the strategy's: not nginx's, not a stale one.
  const cfg = (await p.compose(['exec', '-T', 'haproxy', 'cat', '/var/lib/haproxy/haproxy.cfg'])).stdout;
  expect(cfg).toContain(`strategy ${strategy}.`);
}

async function servedBy(path = '/'): Promise<string> {
  const r = await curl([`${base}${path}`]);
  expect(r.status).toBe(200);
  return header(r.headers, 'x-served-by') ?? 'none';
}

/** A user with a cookie jar adds a coffee, then reads the cart `reads` times: who served each read, and the quantities seen. */
async function shopper(reads: number): Promise<{ servedBy: string[]; qty: number[] }> {
  const jar = join(jarDir, `jar-${++jars}`);
  const add = await curl(['-c', jar, '-b', jar, '-X', 'POST', `${base}/cart/items`, '-H', 'content-type: application/json', '-d', '{"sku":"sku-coffee","qty":2}']);
  expect(add.status).toBe(201);
  const out = { servedBy: [header(add.headers, 'x-served-by') ?? 'none'], qty: [] as number[] };
  for (let i = 0; i < reads; i++) {
    const r = await curl(['-c', jar, '-b', jar, `${base}/cart`]);
    expect(r.status).toBe(200);
    out.servedBy.push(header(r.headers, 'x-served-by') ?? 'none');
    const items = (JSON.parse(r.body) as { items?: { sku: string; qty: number }[] }).items ?? [];
    out.qty.push(items.find((it) => it.sku === 'sku-coffee')?.qty ?? 0);
  }
  return out;
}

d('HAProxy under Compose (docker-compose.haproxy.yml)', () => {
  beforeAll(async () => {
    sweepLeftovers();
    jarDir = mkdtempSync(join(tmpdir(), 'compose-haproxy-jar-'));
    p = new Project(FILES);
    await p.compose(['up', '--build', '-d', '--wait'], { env: { LB_STRATEGY: 'round-robin' } });
  });
  afterAll(async () => {
    await p.down();
    rmSync(jarDir, { recursive: true, force: true });
    expect(await p.containers()).toEqual([]);
  });

  it('runs HAProxy, not nginx, from the stand-in or pinned image', async () => {
    expect((await p.compose(['ps', '--format', '{{.Service}}'])).stdout.split('\n').filter(Boolean).sort()).toEqual(['app1', 'app2', 'app3', 'haproxy']);
    expect((await p.compose(['exec', '-T', 'haproxy', 'haproxy', '-v'])).stdout).toMatch(/HAProxy version 3\.2\./);
    expect((await p.compose(['exec', '-T', 'haproxy', 'id', '-un'])).stdout.trim()).toBe('haproxy');
  });

  it('round-robin answers from every replica, and a cart does not follow its user', async () => {
    await use('round-robin');
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) seen.push(await servedBy());
    expect(new Set(seen)).toEqual(new Set(REPLICAS));
    // Memory store, no affinity: reads land on replicas that never saw the add.
    expect((await shopper(5)).qty).toContain(0);
  });

  it.each(['ip-hash', 'consistent-hash'])('%s pins the host (one bridge address) to one replica, which keeps the cart', async (strategy) => {
    await use(strategy);
    const s = await shopper(5);
    expect(new Set(s.servedBy).size).toBe(1);
    expect(s.qty).toEqual([2, 2, 2, 2, 2]);
    // A route cookie past HAProxy's buffer: its H1 parser refuses the request
    // before any rule runs. The image's HAProxy (3.2+) sends the lab's
    // errorfile, which expires the cookie, so a browser is re-pinned next time
    // instead of refused for ever (2.6 cannot: docs/haproxy.md).
    const huge = await curl(['-H', `Cookie: route=${'a'.repeat(20_000)}`, `${base}/`]);
    expect(huge.status).toBe(431);
    expect(JSON.parse(huge.body)).toMatchObject({ statusCode: 431, error: 'header_too_large' });
    expect(header(huge.headers, 'set-cookie')).toMatch(/^route=; Max-Age=0; Path=\//);
    // The parser's other refusals are the lab's JSON too (and keep the cookie).
    for (const [args, status] of [[['-H', 'Content-Length: x'], 400], [[], 414]] as const) {
      const r = await curl([...args, status === 414 ? `${base}/${'a'.repeat(20_000)}` : `${base}/`]);
      expect([r.status, JSON.parse(r.body).statusCode, header(r.headers, 'set-cookie')]).toEqual([status, status, null]);
    }
  });

  it('url-hash keeps each URL on one replica', async () => {
    await use('url-hash');
    for (const path of ['/products', '/cart', '/?a=1']) {
      const seen = [await servedBy(path), await servedBy(path), await servedBy(path)];
      expect(new Set(seen).size).toBe(1);
    }
  });

  it('sticky-cookie: HAProxy inserts route=<replica> and the cart stays with it', async () => {
    await use('sticky-cookie');
    const jar = join(jarDir, 'sticky');
    const first = await curl(['-c', jar, '-b', jar, `${base}/`]);
    const route = /^route=([^;]+)/.exec(header(first.headers, 'set-cookie') ?? '')?.[1];
    expect(REPLICAS).toContain(route);
    expect(header(first.headers, 'x-served-by')).toBe(route);
    const s = await shopper(5);
    expect(new Set(s.servedBy).size).toBe(1);
    expect(s.qty).toEqual([2, 2, 2, 2, 2]);
  });

  it('docker compose stop app2: the health check takes it out without a reload, a restart with app2 stopped serves, app2 comes back', async () => {
    await use('round-robin');
    await p.withLogs(async () => {
      await p.compose(['stop', '-t', '2', 'app2']);
      // Until the health check has spoken, requests sent to app2 are retried
      // elsewhere (`retries`, `redispatch`): a user sees no error either way.
      // `fall 2` checks one second apart: the check, not a reload, takes it out.
      await waitFor('the health check to mark app2 DOWN', async () => {
        return /Server lab_backend\/app2 is DOWN/.test((await p.compose(['logs', '--no-color', 'haproxy'])).stdout);
      }, { timeoutMs: 30_000, intervalMs: 500 });
      const seen = [await servedBy(), await servedBy(), await servedBy(), await servedBy()];
      expect(new Set(seen)).toEqual(new Set(['app1', 'app3']));

      await p.compose(['restart', '-t', '5', 'haproxy']);
      base = `http://127.0.0.1:${await p.port('haproxy')}`;
      await untilServing(base);
      expect(await servedBy()).not.toBe('app2');

      await p.compose(['start', 'app2']);
      await waitFor('HAProxy to send requests to app2 again', async () => (await servedBy()) === 'app2', { timeoutMs: 60_000, intervalMs: 250 });
    });
  });
});
