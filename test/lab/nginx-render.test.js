"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// Rendering: every strategy renders and passes `nginx -t`; the native sticky
// form is checked as text (nginx 1.22 cannot load it); the upstream script
// behaves the same in dash and bash; and the Compose path (script sourced,
// then the image's envsubst) yields exactly what the local renderer writes.
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const topology_1 = require("../../apps/lab/src/topology/topology");
const nginx_1 = require("../../apps/lab/src/nginx");
const find_binary_1 = require("../../apps/lab/src/util/find-binary");
const skip_1 = require("../support/skip");
jest.setTimeout(60_000);
const REPLICAS = [
    { name: 'app1', host: '127.0.0.1', port: 4101 },
    { name: 'app2', host: '127.0.0.1', port: 4102, down: true },
    { name: 'app3', host: '127.0.0.1', port: 4103 },
];
let runDir;
let version;
beforeAll(async () => {
    version = await (0, nginx_1.nginxVersion)((0, nginx_1.nginxBinary)());
});
beforeEach(() => {
    runDir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'lab-nginx-render-'));
});
afterEach(() => (0, node_fs_1.rmSync)(runDir, { recursive: true, force: true }));
const options = (o = {}) => ({
    strategy: 'round-robin',
    replicas: REPLICAS,
    listen: { host: '127.0.0.1', port: 18080 },
    runDir,
    generation: 7,
    version,
    ...o,
});
describe('renderNginx', () => {
    it.each(topology_1.STRATEGIES)('%s renders a config nginx -t accepts', async (strategy) => {
        const r = await (0, nginx_1.renderNginx)(options({ strategy, sticky: 'portable' }));
        await expect((0, nginx_1.testConfig)((0, nginx_1.nginxBinary)(), runDir, r.confPath)).resolves.toMatch(/test is successful/);
        expect(r.text).not.toMatch(/\$\{?LAB_/);
        expect(r.text).toContain('server 127.0.0.1:4102 down;');
        expect(r.text).toContain('return 200 "7\\n";');
    });
    it.each([
        ['round-robin', /upstream lab_backend \{\n\s+# \(no balancing directive/],
        ['ip-hash', /upstream lab_backend \{\n\s+ip_hash;/],
        ['consistent-hash', /upstream lab_backend \{\n\s+hash \$remote_addr consistent;/],
        ['url-hash', /upstream lab_backend \{\n\s+hash \$request_uri consistent;/],
        ['sticky-cookie', /proxy_pass http:\/\/\$lab_pool;/],
    ])('%s carries its balancing directive in the template itself', async (strategy, directive) => {
        await (0, nginx_1.renderNginx)(options({ strategy, sticky: 'portable' }));
        expect((0, node_fs_1.readFileSync)((0, nginx_1.runPaths)(runDir).strategyConf, 'utf8')).toMatch(directive);
    });
    it('renders the native sticky form with the replica names as routes', async () => {
        const r = await (0, nginx_1.renderNginx)(options({ strategy: 'sticky-cookie', sticky: 'native' }));
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
        const r = await (0, nginx_1.renderNginx)(options({ strategy: 'sticky-cookie' }));
        expect(r.stickyMode).toBe((0, nginx_1.supportsNativeSticky)(version) ? 'native' : 'portable');
        expect((await (0, nginx_1.renderNginx)(options({ strategy: 'sticky-cookie', version: '1.29.6' }))).stickyMode).toBe('native');
        expect((await (0, nginx_1.renderNginx)(options({ strategy: 'sticky-cookie', version: '1.29.5' }))).stickyMode).toBe('portable');
        expect((await (0, nginx_1.renderNginx)(options({ strategy: 'ip-hash' }))).stickyMode).toBe('n/a');
    });
    it('rejects a bad strategy or replica name with the script message', async () => {
        await expect((0, nginx_1.renderNginx)(options({ strategy: 'random' }))).rejects.toThrow(/LB_STRATEGY must be one of/);
        await expect((0, nginx_1.renderNginx)(options({ replicas: [{ name: 'app1;', host: '127.0.0.1', port: 1 }] }))).rejects.toThrow(/bad replica name in LAB_REPLICAS: 'app1;=127.0.0.1:1'/);
    });
});
describe('supportsNativeSticky', () => {
    it.each([
        ['1.22.1', false],
        ['1.29.5', false],
        ['1.29.6', true],
        ['1.30.0', true],
        ['2.0.0', true],
    ])('%s → %s', (v, expected) => expect((0, nginx_1.supportsNativeSticky)(v)).toBe(expected));
});
describe('envsubst', () => {
    it('replaces only defined names and leaves nginx variables alone', () => {
        expect((0, nginx_1.envsubst)('$remote_addr ${A} $A ${B} $host', { A: 'x' })).toBe('$remote_addr x x ${B} $host');
    });
    it('fails loudly on an undefined LAB_ variable', () => {
        expect(() => (0, nginx_1.envsubst)('listen ${LAB_LISTEN};', {}, 'x.template')).toThrow(/x\.template .*LAB_LISTEN/);
    });
});
// The environment is replaced so the script sees only what the entrypoint
// gives it; HOME stays so a shell's startup files do not complain.
const SCRIPT_ENV = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? (0, node_os_1.tmpdir)(),
    LB_STRATEGY: 'sticky-cookie',
    LAB_REPLICAS: 'app1=app1:8000 app2=app2:8000 app3=app3:8000',
    LAB_DOWN: 'app2',
    LAB_NGINX_VERSION: '1.22.1',
    LAB_TEMPLATE_SRC: (0, nginx_1.templatesDir)(),
};
const DUMP = 'printf "%s|%s|%s|%s|%s" "$LAB_SERVERS" "$LAB_STICKY_MAP" "$LAB_STICKY_POOLS" "$LAB_TEMPLATE" "$NGINX_ENVSUBST_TEMPLATE_DIR"';
describe('19-lab-upstreams.envsh', () => {
    it('gives the same result in dash and bash, under the entrypoint\'s set -eu', () => {
        // busybox is a multi-call binary: its shell is the `sh` applet
        const argv = (shell) => (shell === 'busybox' ? [shell, ['sh']] : [shell, []]);
        const run = (shell) => {
            const [bin, pre] = argv(shell);
            return (0, node_child_process_1.execFileSync)(bin, [...pre, '-c', `set -eu; . "$1"; ${DUMP}`, shell, (0, nginx_1.upstreamsScript)()], {
                env: { ...SCRIPT_ENV, LAB_STAGE_DIR: (0, node_path_1.join)(runDir, shell) },
                stdio: ['ignore', 'pipe', 'pipe'],
            }).toString();
        };
        const shells = ['dash', 'bash', 'busybox'].filter((s) => (0, find_binary_1.findBinary)(s));
        if (shells.length < 2)
            console.warn(`only ${shells.join(', ')} installed: shell parity checked on fewer shells`);
        const outputs = shells.map((s) => run(s).replaceAll((0, node_path_1.join)(runDir, s), '<stage>'));
        for (const out of outputs)
            expect(out).toBe(outputs[0]);
        expect(outputs[0]).toContain('upstream pool_app2 {\n    server app2:8000 down;');
    });
    // The official image: *.envsh sourced, then 20-envsubst-on-templates.sh runs
    // `envsubst "$defined_envs"` over NGINX_ENVSUBST_TEMPLATE_DIR.
    const envsubstBin = (0, find_binary_1.findBinary)('envsubst');
    const parity = 'stages only the chosen strategy for the image, rendered as the local renderer does';
    if (!envsubstBin) {
        (0, skip_1.noteSkip)(`"${parity}": envsubst not installed (apt-get install gettext-base)`);
        it.skip(`${parity} (skipped: envsubst not installed)`, () => undefined);
        return;
    }
    it(parity, async () => {
        const stage = (0, node_path_1.join)(runDir, 'stage');
        const out = (0, node_path_1.join)(runDir, 'out');
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
            LAB_TEMPLATE_SRC: (0, nginx_1.templatesDir)(),
            LAB_STAGE_DIR: stage,
            LAB_INCLUDE_DIR: (0, node_path_1.join)(out, 'lab'),
            LAB_LISTEN: '127.0.0.1:18080',
            LAB_GENERATION: '7',
            LAB_ACCESS_LOG: (0, nginx_1.runPaths)(runDir).accessLog,
        };
        (0, node_child_process_1.execFileSync)('sh', ['-c', imageFlow, 'sh', (0, nginx_1.upstreamsScript)(), out], { env });
        expect((0, node_fs_1.readdirSync)(out).sort()).toEqual(['default.conf', 'lab']);
        const local = await (0, nginx_1.renderNginx)(options({ strategy: 'sticky-cookie', sticky: 'portable' }));
        const p = (0, nginx_1.runPaths)(runDir);
        const localConf = (0, node_fs_1.readFileSync)(p.strategyConf, 'utf8').replaceAll(p.includeDir, '<inc>');
        expect((0, node_fs_1.readFileSync)((0, node_path_1.join)(out, 'default.conf'), 'utf8').replaceAll((0, node_path_1.join)(out, 'lab'), '<inc>')).toBe(localConf);
        for (const f of (0, node_fs_1.readdirSync)((0, node_path_1.join)(out, 'lab')))
            expect((0, node_fs_1.readFileSync)((0, node_path_1.join)(out, 'lab', f), 'utf8')).toBe((0, node_fs_1.readFileSync)((0, node_path_1.join)(p.includeDir, f), 'utf8'));
        expect(local.stickyMode).toBe('portable');
    });
});
//# sourceMappingURL=nginx-render.test.js.map