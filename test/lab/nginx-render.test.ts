// Rendering: every strategy renders and passes `nginx -t`; the native sticky
// form is checked as text (nginx 1.22 cannot load it); the upstream script
// behaves the same in dash and bash; and the Compose path (script sourced,
// then the image's envsubst) yields exactly what the local renderer writes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STRATEGIES } from '../../apps/lab/src/topology/topology';
import {
  envsubst,
  nginxBinary,
  nginxVersion,
  renderNginx,
  RenderOptions,
  runPaths,
  supportsNativeSticky,
  templatesDir,
  testConfig,
  upstreamsScript,
} from '../../apps/lab/src/nginx';
import { findBinary } from '../../apps/lab/src/util/find-binary';
import { noteSkip } from '../support/skip';

jest.setTimeout(60_000);

const REPLICAS = [
  { name: 'app1', host: '127.0.0.1', port: 4101 },
  { name: 'app2', host: '127.0.0.1', port: 4102, down: true },
  { name: 'app3', host: '127.0.0.1', port: 4103 },
];

let runDir: string;
let version: string;
beforeAll(async () => {
  version = await nginxVersion(nginxBinary());
});
beforeEach(() => {
  runDir = mkdtempSync(join(tmpdir(), 'lab-nginx-render-'));
});
afterEach(() => rmSync(runDir, { recursive: true, force: true }));

const options = (o: Partial<RenderOptions> = {}): RenderOptions => ({
  strategy: 'round-robin',
  replicas: REPLICAS,
  listen: { host: '127.0.0.1', port: 18080 },
  runDir,
  generation: 7,
  version,
  ...o,
});

describe('renderNginx', () => {
  it.each(STRATEGIES)('%s renders a config nginx -t accepts', async (strategy) => {
    const r = await renderNginx(options({ strategy, sticky: 'portable' }));
    await expect(testConfig(nginxBinary(), runDir, r.confPath)).resolves.toMatch(/test is successful/);
    expect(r.text).not.toMatch(/\$\{?LAB_/);
    expect(r.text).toContain('server 127.0.0.1:4102 down;');
    expect(r.text).toContain('return 200 "7\\n";');
    // An accept queue for a burst of connections (nginx's default is 511).
    expect(r.text).toMatch(/^\s+listen 127\.0\.0\.1:18080 backlog=4096;/m);
  });

  it.each([
    ['round-robin', /upstream lab_backend \{\n\s+# \(no balancing directive/],
    ['ip-hash', /upstream lab_backend \{\n\s+ip_hash;/],
    ['consistent-hash', /upstream lab_backend \{\n\s+hash \$remote_addr consistent;/],
    ['url-hash', /upstream lab_backend \{\n\s+hash \$request_uri consistent;/],
    ['sticky-cookie', /proxy_pass http:\/\/\$lab_pool;/],
  ] as const)('%s carries its balancing directive in the template itself', async (strategy, directive) => {
    await renderNginx(options({ strategy, sticky: 'portable' }));
    expect(readFileSync(runPaths(runDir).strategyConf, 'utf8')).toMatch(directive);
  });

  it('renders the native sticky form with the replica names as routes', async () => {
    const r = await renderNginx(options({ strategy: 'sticky-cookie', sticky: 'native' }));
    expect(r.stickyMode).toBe('native');
    expect(r.text).toMatch(/^\s+sticky cookie route path=\/ httponly samesite=lax;$/m);
    expect(r.text).toContain('server 127.0.0.1:4101 route=app1 max_fails=1 fail_timeout=2s;');
    expect(r.text).toContain('server 127.0.0.1:4102 route=app2 down;');
    expect(r.text).not.toContain('pool_app1');
    // The sticky directive precedes keepalive, as balancing directives must.
    const upstream = r.text.slice(r.text.indexOf('upstream lab_backend'));
    expect(upstream.indexOf('sticky cookie')).toBeLessThan(upstream.indexOf('include'));
  });

  it('picks the form from the binary version when sticky is auto', async () => {
    const r = await renderNginx(options({ strategy: 'sticky-cookie' }));
    expect(r.stickyMode).toBe(supportsNativeSticky(version) ? 'native' : 'portable');
    expect((await renderNginx(options({ strategy: 'sticky-cookie', version: '1.29.6' }))).stickyMode).toBe('native');
    expect((await renderNginx(options({ strategy: 'sticky-cookie', version: '1.29.5' }))).stickyMode).toBe('portable');
    expect((await renderNginx(options({ strategy: 'ip-hash' }))).stickyMode).toBe('n/a');
  });

  it('exempts 127.0.0.1 from the per-client limit by default, and one address or CIDR when asked', async () => {
    expect((await renderNginx(options({ strategy: 'ip-hash' }))).text).toMatch(/geo \$lab_rate_exempt \{\n\s+default 0;\n\s+127\.0\.0\.1 1;/);
    const wide = await renderNginx(options({ strategy: 'ip-hash', rateExempt: '127.0.0.0/8' }));
    expect(wide.text).toMatch(/^\s+127\.0\.0\.0\/8 1;$/m);
    await expect(testConfig(nginxBinary(), runDir, wide.confPath)).resolves.toMatch(/test is successful/);
    // It lands in a geo block: anything but an address or CIDR is refused before nginx sees it.
    await expect(renderNginx(options({ strategy: 'ip-hash', rateExempt: '0.0.0.0/0 1; } server {' }))).rejects.toThrow(
      /LAB_RATE_EXEMPT must be one address or CIDR/,
    );
  });

  it('counts connections per address with the rate limit\'s key and exemption, lets go of slow clients, and has room for it', async () => {
    const { text } = await renderNginx(options({ strategy: 'sticky-cookie', sticky: 'portable' }));
    // Same key as limit_req: the exempt range's key is empty, and an empty key is not counted.
    expect(text).toMatch(/^limit_conn_zone \$lab_rate_key zone=lab_conn_per_client:1m;$/m);
    expect(text).toMatch(/^limit_conn lab_conn_per_client 64;$/m);
    expect(text).toMatch(/^limit_conn_status 429;$/m);
    for (const t of ['client_header_timeout 5s;', 'client_body_timeout 5s;', 'keepalive_timeout 15s;']) expect(text).toMatch(new RegExp(`^${t}$`, 'm'));
    // 64 per address × 32 addresses × 2 (client and upstream side) slots, and a descriptor for each.
    expect(text).toMatch(/^worker_connections 4096;|events \{ worker_connections 4096; \}/m);
    expect(text).toContain('worker_rlimit_nofile 8192;');
    // Its refusals (and limit_req's) say when to come back; other errors carry no Retry-After.
    expect(text).toMatch(/map \$status \$lab_retry_after \{\n\s+429 1;\n\s+503 1;\n\s+default "";/);
    expect(text).toMatch(/location = \/__lab\/error \{[^}]*add_header Retry-After \$lab_retry_after always;/);
  });

  it('rejects a bad strategy or replica name with the script message', async () => {
    await expect(renderNginx(options({ strategy: 'random' as never }))).rejects.toThrow(/LB_STRATEGY must be one of/);
    await expect(renderNginx(options({ replicas: [{ name: 'app1;', host: '127.0.0.1', port: 1 }] }))).rejects.toThrow(
      /bad replica name in LAB_REPLICAS: 'app1;=127.0.0.1:1'/,
    );
  });
});

describe('supportsNativeSticky', () => {
  it.each([
    ['1.22.1', false],
    ['1.29.5', false],
    ['1.29.6', true],
    ['1.30.0', true],
    ['2.0.0', true],
  ])('%s → %s', (v, expected) => expect(supportsNativeSticky(v)).toBe(expected));
});

describe('envsubst', () => {
  it('replaces only defined names and leaves nginx variables alone', () => {
    expect(envsubst('$remote_addr ${A} $A ${B} $host', { A: 'x' })).toBe('$remote_addr x x ${B} $host');
  });
  it('fails loudly on an undefined LAB_ variable', () => {
    expect(() => envsubst('listen ${LAB_LISTEN};', {}, 'x.template')).toThrow(/x\.template .*LAB_LISTEN/);
  });
});

// The environment is replaced so the script sees only what the entrypoint
// gives it; HOME stays so a shell's startup files do not complain.
const SCRIPT_ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? tmpdir(),
  LB_STRATEGY: 'sticky-cookie',
  LAB_REPLICAS: 'app1=app1:8000 app2=app2:8000 app3=app3:8000',
  LAB_DOWN: 'app2',
  LAB_NGINX_VERSION: '1.22.1',
  LAB_TEMPLATE_SRC: templatesDir(),
};
const DUMP = 'printf "%s|%s|%s|%s|%s" "$LAB_SERVERS" "$LAB_STICKY_MAP" "$LAB_STICKY_POOLS" "$LAB_TEMPLATE" "$NGINX_ENVSUBST_TEMPLATE_DIR"';

describe('19-lab-upstreams.envsh', () => {
  const shells = ['dash', 'bash', 'busybox'].filter((s) => findBinary(s));
  const parityTitle = 'gives the same result in dash and bash, under the entrypoint\'s set -eu';
  if (shells.length < 2) {
    // One shell compared with itself proves nothing: say so instead of passing.
    noteSkip(`"${parityTitle}": only ${shells.join(', ') || 'no shell'} installed (apt-get install dash bash)`);
    it.skip(`${parityTitle} (skipped: needs two shells)`, () => undefined);
  } else it(parityTitle, () => {
    // busybox is a multi-call binary: its shell is the `sh` applet
    const argv = (shell: string) => (shell === 'busybox' ? [shell, ['sh']] : [shell, []]) as [string, string[]];
    const run = (shell: string) => {
      const [bin, pre] = argv(shell);
      return execFileSync(bin, [...pre, '-c', `set -eu; . "$1"; ${DUMP}`, shell, upstreamsScript()], {
        env: { ...SCRIPT_ENV, LAB_STAGE_DIR: join(runDir, shell) },
        stdio: ['ignore', 'pipe', 'pipe'],
      }).toString();
    };
    const outputs = shells.map((s) => run(s).replaceAll(join(runDir, s), '<stage>'));
    for (const out of outputs) expect(out).toBe(outputs[0]);
    expect(outputs[0]).toContain('upstream pool_app2 {\n    server app2:8000 down;');
  });

  // The official image: *.envsh sourced, then 20-envsubst-on-templates.sh runs
  // `envsubst "$defined_envs"` over NGINX_ENVSUBST_TEMPLATE_DIR.
  const envsubstBin = findBinary('envsubst');
  const parity = 'stages only the chosen strategy for the image, rendered as the local renderer does';
  if (!envsubstBin) {
    noteSkip(`"${parity}": envsubst not installed (apt-get install gettext-base)`);
    it.skip(`${parity} (skipped: envsubst not installed)`, () => undefined);
    return;
  }
  it(parity, async () => {
    const stage = join(runDir, 'stage');
    const out = join(runDir, 'out');
    const imageFlow = [
      'set -eu',
      '. "$1"',
      // What the image's template script does, minus logging.
      `defined_envs=$(printf '\${%s} ' $(awk 'END { for (n in ENVIRON) print n }' </dev/null))`,
      'cd "$NGINX_ENVSUBST_TEMPLATE_DIR"',
      'for t in $(find . -type f -name "*.template"); do mkdir -p "$2/$(dirname "$t")"; envsubst "$defined_envs" < "$t" > "$2/${t%.template}"; done',
    ].join('\n');
    const env = {
      ...SCRIPT_ENV,
      LAB_REPLICAS: REPLICAS.map((r) => `${r.name}=${r.host}:${r.port}`).join(' '),
      LAB_TEMPLATE_SRC: templatesDir(),
      LAB_STAGE_DIR: stage,
      LAB_INCLUDE_DIR: join(out, 'lab'),
      LAB_LISTEN: '127.0.0.1:18080',
      LAB_GENERATION: '7',
      LAB_ACCESS_LOG: runPaths(runDir).accessLog,
    };
    execFileSync('sh', ['-c', imageFlow, 'sh', upstreamsScript(), out], { env });
    expect(readdirSync(out).sort()).toEqual(['default.conf', 'lab']);

    const local = await renderNginx(options({ strategy: 'sticky-cookie', sticky: 'portable' }));
    const p = runPaths(runDir);
    const localConf = readFileSync(p.strategyConf, 'utf8').replaceAll(p.includeDir, '<inc>');
    expect(readFileSync(join(out, 'default.conf'), 'utf8').replaceAll(join(out, 'lab'), '<inc>')).toBe(localConf);
    for (const f of readdirSync(join(out, 'lab')))
      expect(readFileSync(join(out, 'lab', f), 'utf8')).toBe(readFileSync(join(p.includeDir, f), 'utf8'));
    expect(local.stickyMode).toBe('portable');
  });
});
