// Every strategy renders a config `haproxy -c` accepts, for 1, 3 and 4
// replicas and with a drained or down replica; the generator refuses bad
// input with a message; server ids come from names, not positions.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findBinary } from '../util/find-binary';
import { checkConfig } from './binary';
import { generatorScript, haproxyAssetsDir } from './paths';
import { HAPROXY_STRATEGIES, HaproxyRenderOptions, HaproxyReplica, renderHaproxy } from './render';

jest.setTimeout(60_000);

const haproxy = findBinary('haproxy');
const replicas = (n: number): HaproxyReplica[] =>
  Array.from({ length: n }, (_, i) => ({ name: `app${i + 1}`, host: '127.0.0.1', port: 4101 + i }));

let runDir: string;
beforeEach(() => {
  runDir = mkdtempSync(join(tmpdir(), 'lab-haproxy-render-'));
});
afterEach(() => rmSync(runDir, { recursive: true, force: true }));

const options = (o: Partial<HaproxyRenderOptions> = {}): HaproxyRenderOptions => ({
  strategy: 'round-robin',
  replicas: replicas(3),
  listen: { host: '127.0.0.1', port: 18080 },
  runDir,
  generation: 7,
  ...o,
});

const cases = HAPROXY_STRATEGIES.flatMap((s) => [1, 3, 4].map((n) => [s, n] as const));

(haproxy ? describe : describe.skip)('renderHaproxy + haproxy -c', () => {
  it.each(cases)('%s with %i replica(s) is valid', async (strategy, n) => {
    const r = await renderHaproxy(options({ strategy, replicas: replicas(n) }));
    const out = await checkConfig(haproxy!, r.confPath);
    expect(out).toMatch(/Configuration file is valid/);
    expect(out).not.toMatch(/\[WARNING\]|\[ALERT\]/);
    expect(r.text).not.toMatch(/\$\{(LAB|LB)_/);
    expect(r.text.match(/^\s+server /gm)).toHaveLength(n);
    expect(r.text).toContain('string "7" if { path /__lab/generation }');
  });

  it.each(HAPROXY_STRATEGIES)('%s with a drained and a down replica is valid', async (strategy) => {
    const reps = replicas(4).map((r) => ({ ...r, drain: r.name === 'app2', down: r.name === 'app4' }));
    const r = await renderHaproxy(options({ strategy, replicas: reps }));
    await expect(checkConfig(haproxy!, r.confPath)).resolves.toMatch(/valid/);
    expect(r.text).toMatch(/^\s+server app2 127\.0\.0\.1:4102 id 2 check( cookie app2)? weight 0$/m);
    expect(r.text).toMatch(/^\s+server app4 127\.0\.0\.1:4104 id 4 check( cookie app4)? disabled$/m);
  });

  it('exempts 127.0.0.1 from the per-client limit by default, one address or CIDR when asked, nothing else', async () => {
    expect((await renderHaproxy(options())).text).toMatch(/^\s+acl lab_rate_exempt src 127\.0\.0\.1$/m);
    const wide = await renderHaproxy(options({ rateExempt: '127.0.0.0/8' }));
    expect(wide.text).toMatch(/^\s+acl lab_rate_exempt src 127\.0\.0\.0\/8$/m);
    await expect(checkConfig(haproxy!, wide.confPath)).resolves.toMatch(/valid/);
    await expect(renderHaproxy(options({ rateExempt: '0.0.0.0/0\n    http-request allow' }))).rejects.toThrow(/LAB_RATE_EXEMPT must be one address or CIDR/);
  });

  it('counts connections per address from accept, exempts what the rate limit exempts, and refuses over 64 with JSON and Retry-After', async () => {
    const { text } = await renderHaproxy(options({ rateExempt: '127.0.0.0/8' }));
    // Before any http-request rule (HAProxy runs tcp-request connection first anyway, and warns otherwise).
    expect(text).toMatch(/^\s+bind .*\n(\s+#.*\n)*\s+tcp-request connection track-sc1 src table lab_conn_per_client if !\{ src 127\.0\.0\.0\/8 \}$/m);
    expect(text).toMatch(/^backend lab_conn_per_client\n\s+stick-table type ip size 100k expire 30s store conn_cur$/m);
    const deny = /^\s+http-request deny deny_status 429 content-type application\/json string '(\{.*\})' hdr Retry-After 1 if \{ sc1_conn_cur\(lab_conn_per_client\) gt 64 \}$/m.exec(text);
    expect(deny).not.toBeNull();
    expect(JSON.parse(deny![1])).toMatchObject({ statusCode: 429, error: expect.any(String), message: expect.any(String) });
    // A half header or half body is let go after 5 s, before any replica is involved.
    expect(text).toMatch(/^\s+timeout http-request 5s$/m);
    expect(text).toMatch(/^\s+option http-buffer-request$/m);
    expect(text).toMatch(/^\s+maxconn 4096$/m);
  });

  it('renders peers with the local name, and haproxy -c accepts them', async () => {
    const peers = { local: 'lb2', peers: [{ name: 'lb1', host: '127.0.0.1', port: 5001 }, { name: 'lb2', host: '127.0.0.1', port: 5002 }] };
    const r = await renderHaproxy(options({ strategy: 'stick-table', peers }));
    await expect(checkConfig(haproxy!, r.confPath, 'lb2')).resolves.toMatch(/valid/);
    expect(r.text).toMatch(/localpeer lb2\npeers lab_peers\n\s+peer lb1 127\.0\.0\.1:5001\n\s+peer lb2 127\.0\.0\.1:5002/);
    expect(r.text).toMatch(/stick-table type ip size 100k expire 30m peers lab_peers/);
    expect(r.meta.localPeer).toBe('lb2');
  });
});
if (!haproxy) process.stderr.write('SKIPPED renderHaproxy + haproxy -c: haproxy not installed (apt-get install -y haproxy)\n');

describe('lab-haproxy.sh', () => {
  it.each([
    ['consistent-hash', /balance source\n\s+hash-type consistent\n/],
    ['ip-hash', /balance source\n\s+hash-type map-based\n/],
    ['url-hash', /balance uri whole\n\s+hash-type consistent\n/],
    ['sticky-cookie', /cookie route insert indirect nocache httponly/],
    ['stick-table', /stick-table type ip size 100k expire 30m\n\s+stick on src/],
    ['bounded-load', /hash-type consistent\n\s+hash-balance-factor 125\n/],
  ] as const)('%s carries its balancing lines', async (strategy, lines) => {
    expect((await renderHaproxy(options({ strategy }))).text).toMatch(lines);
  });

  it('fixes server ids from the names, whatever the order or the address', async () => {
    const r = await renderHaproxy(options({ replicas: [...replicas(3)].reverse().map((x) => ({ ...x, port: x.port + 50 })) }));
    expect(r.text).toMatch(/server app3 127\.0\.0\.1:4153 id 3 check\n\s+server app2 \S+ id 2 check\n\s+server app1 \S+ id 1 check/);
    const named = await renderHaproxy(options({ replicas: [{ name: 'web', host: 'h', port: 1 }, { name: 'app0', host: 'h', port: 2 }] }));
    // No trailing number (or 0): a stable checksum id, far above small ones.
    expect(Number(/server web h:1 id (\d+)/.exec(named.text)?.[1])).toBeGreaterThan(999_999);
    expect(Number(/server app0 h:2 id (\d+)/.exec(named.text)?.[1])).toBeGreaterThan(999_999);
  });

  it.each([
    [{ strategy: 'random' }, /LB_STRATEGY must be one of/],
    [{ replicas: [{ name: 'app1;', host: '127.0.0.1', port: 1 }] }, /bad replica name in LAB_REPLICAS: 'app1;=127.0.0.1:1'/],
    [{ replicas: [{ name: 'app1', host: '1.2.3.4 backup', port: 1 }] }, /bad replica/],
    [{ replicas: [{ name: '*', host: 'h', port: 1 }] }, /bad replica name in LAB_REPLICAS: '\*=h:1'/],
    [{ replicas: [{ name: 'app1', host: 'h', port: 1 }, { name: 'x01', host: 'h', port: 2 }] }, /same server id 1/],
    [{ balanceFactor: '125\n' as never }, /LAB_BALANCE_FACTOR must be a number/],
    [{ stickExpire: '30m\n    server evil 10.0.0.9:80' }, /LAB_STICK_EXPIRE must be an HAProxy time/],
    [{ serverTimeout: 'soon' }, /LAB_SERVER_TIMEOUT must be an HAProxy time/],
    [{ listen: { host: '127.0.0.1 ssl crt /x', port: 1 } }, /bad LAB_LISTEN/],
    [{ peers: { local: 'lb9', peers: [{ name: 'lb1', host: 'h', port: 1 }] } }, /LAB_LOCAL_PEER 'lb9' is not in LAB_PEERS/],
  ] as const)('refuses %j with a message', async (o, message) => {
    await expect(renderHaproxy(options(o as Partial<HaproxyRenderOptions>))).rejects.toThrow(message);
  });

  it('writes the same config in dash, bash and busybox sh (images differ in their /bin/sh)', () => {
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      LB_STRATEGY: 'sticky-cookie',
      LAB_REPLICAS: 'app1=app1:3000 app2=app2:3000 web=web:3000',
      LAB_DRAIN: 'app2',
      LAB_PEERS: 'lb1=10.0.0.1:10000 lb2=10.0.0.2:10000',
      LAB_LOCAL_PEER: 'lb1',
    };
    const shells = [['dash'], ['bash'], ['busybox', 'sh']].filter(([bin]) => findBinary(bin));
    if (shells.length < 2) process.stderr.write(`only ${shells.map((s) => s[0]).join(', ')} installed: shell parity checked on fewer shells\n`);
    const outputs = shells.map(([bin, ...args]) => execFileSync(bin, [...args, generatorScript()], { env }).toString());
    for (const out of outputs) expect(out).toBe(outputs[0]);
    expect(outputs[0]).toContain('server web web:3000 id ');
  });

  it('refuses an empty replica list before running anything', async () => {
    await expect(renderHaproxy(options({ replicas: [] }))).rejects.toThrow(/no replicas/);
  });
});

// Drift checks against nginx's shared snippets: what the balancer answers by
// itself must not depend on which balancer it is.
describe('HAProxy edge parity with nginx', () => {
  const nginxSnippet = (name: string) => readFileSync(join(dirname(haproxyAssetsDir()), 'nginx/templates/snippets', name), 'utf8');
  // HAProxy 2.6 manual, "errorfile": the only codes it can generate itself.
  const HAPROXY_GENERATES = [200, 400, 401, 403, 404, 405, 407, 408, 410, 413, 425, 429, 500, 501, 502, 503, 504];

  it('answers in JSON every status of nginx\'s error_page list that HAProxy can generate', async () => {
    const line = /^error_page ([\d ]+) \/__lab\/error;$/m.exec(nginxSnippet('server.conf.template'));
    const nginxStatuses = line![1].split(' ').map(Number);
    const text = (await renderHaproxy(options())).text;
    const bodies = new Map([...text.matchAll(/^\s+http-error status (\d+) content-type application\/json string '([^']*)'(?: hdr .*)?$/gm)].map((m) => [Number(m[1]), m[2]]));
    for (const status of nginxStatuses.filter((s) => HAPROXY_GENERATES.includes(s))) {
      expect([status, JSON.parse(bodies.get(status) ?? 'null')]).toEqual([status, { statusCode: status, error: expect.any(String), message: expect.any(String) }]);
    }
    // The rest (414) is a parser error HAProxy answers as 400 (nginx's 494,
    // a header too large, has a location of its own that re-pins the route cookie).
    expect(nginxStatuses.filter((s) => !HAPROXY_GENERATES.includes(s))).toEqual([414]);
  });

  it('says when to come back (Retry-After) on every refusal nginx says it on: each 429 and 503 of either balancer', async () => {
    const http = nginxSnippet('http.conf.template');
    const retry = /^map \$status \$lab_retry_after \{\n((?:\s+\d+ 1;\n)+)\s+default "";/m.exec(http);
    const statuses = [...retry![1].matchAll(/(\d+) 1;/g)].map((m) => m[1]);
    expect(statuses).toEqual(['429', '503']);
    // nginx: every status its limits refuse with is one that gets the header.
    const nginxRefusals = [...http.matchAll(/^limit_(?:req|conn)_status (\d+);$/gm)].map((m) => m[1]);
    expect(nginxRefusals.length).toBeGreaterThan(0);
    for (const s of nginxRefusals) expect(statuses).toContain(s);
    // HAProxy: the default reply for those statuses, and every deny that answers one, carry it.
    const text = (await renderHaproxy(options())).text;
    const lines = text.split('\n').filter((l) => statuses.some((s) => l.includes(`http-error status ${s} `) || l.includes(`deny_status ${s} `)));
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect([line, /' hdr Retry-After 1( if .*)?$/.test(line)]).toEqual([line, true]);
  });

  it('answers its 3.2+ parser errors with errorfiles: the JSON of its http-error lines, a true length, and a 431 that expires the route cookie as nginx\'s 494 does', async () => {
    const clear = /add_header Set-Cookie "(route=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax)\$lab_cookie_secure" always;/.exec(nginxSnippet('server.conf.template'));
    expect(clear).not.toBeNull();
    const text = (await renderHaproxy(options())).text;
    const block = /^\.if version_atleast\(3\.2\)\n((?:\s+errorfile \d+ "[^"]+"\n)+)\.endif$/m.exec(text);
    const files = [...block![1].matchAll(/errorfile (\d+) "([^"]+)"/g)].map((m) => [Number(m[1]), m[2]] as const);
    expect(files.map(([status]) => status)).toEqual([400, 408, 414, 431, 500, 501]);
    const replies = new Map([...text.matchAll(/^\s+http-error status (\d+) content-type application\/json string '([^']*)'/gm)].map((m) => [Number(m[1]), m[2]]));
    for (const [status, file] of files) {
      const [head, body] = readFileSync(file, 'latin1').split('\r\n\r\n');
      const lines = head.split('\r\n');
      expect(lines[0]).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      expect([status, lines]).toEqual([status, expect.arrayContaining(['Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`])]);
      expect(JSON.parse(body)).toEqual({ statusCode: status, error: expect.any(String), message: expect.any(String) });
      if (replies.has(status)) expect([status, body.trim()]).toEqual([status, replies.get(status)]);
      expect([status, lines.some((l) => l === `Set-Cookie: ${clear![1]}`)]).toEqual([status, status === 431]);
    }
  });

  it('logs the session as nginx does: a fingerprint named sid_fp, never the cookie', async () => {
    expect(nginxSnippet('http.conf.template')).toContain('"sid_fp":"$lab_sid_fp"');
    const text = (await renderHaproxy(options())).text;
    expect(text).toContain('"sid_fp":"%[var(txn.lab_sid_fp),json(utf8s)]"');
    // Only the sample behind the fingerprint variable ever reads the sid cookie.
    expect(text.match(/req\.cook\(sid\)[^\n]*/g)).toEqual(['req.cook(sid),field(-1,.),bytes(0,8) if { req.cook(sid) -m sub . }']);
  });

  it('keeps /stats and /metrics private at the balancer, as nginx does', async () => {
    expect(nginxSnippet('server.conf.template')).toMatch(/location ~\* \^\/\(stats\|metrics\)\/\*\$ \{\n\s+deny all;/);
    const text = (await renderHaproxy(options())).text;
    expect(text).toMatch(/^\s+http-request deny deny_status 403 if \{ path,url_dec,lower -m reg \^\/\+\(stats\|metrics\)\/\*\$ \}$/m);
    expect(text.match(/deny_status 403/g)).toHaveLength(1); // one rule, not one per route
  });
});
