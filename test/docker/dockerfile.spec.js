"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// Drift checks: the cart-api image against package.json, the process driver
// and the service's routes. No Docker engine needed.
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const support_1 = require("./support");
const FILE = 'docker/cart-api.Dockerfile';
const { instructions, stages } = (0, support_1.dockerfile)(FILE);
const final = stages.length - 1;
const build = stages.findIndex((s) => s.name === 'build');
/** A stage and the stages it is built FROM, nearest first. */
const lineage = (i) => {
    const parent = stages.findIndex((s) => s.name === stages[i].from);
    return parent < 0 ? [i] : [i, ...lineage(parent)];
};
const inFinal = (op) => instructions.filter((i) => i.stage === final && i.op === op);
const pkg = JSON.parse((0, support_1.read)('package.json'));
/** Package names imported (not type-only) by the non-test sources under `dir`. */
function runtimeImports(dir) {
    const names = new Set();
    for (const entry of (0, node_fs_1.readdirSync)(dir)) {
        const path = (0, node_path_1.join)(dir, entry);
        if ((0, node_fs_1.statSync)(path).isDirectory()) {
            for (const n of runtimeImports(path))
                names.add(n);
            continue;
        }
        if (!entry.endsWith('.ts') || entry.endsWith('.spec.ts'))
            continue;
        const src = (0, node_fs_1.readFileSync)(path, 'utf8');
        for (const m of src.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^'.][^']*)'|require\('([^'.][^']*)'\)/gm)) {
            const spec = m[1] ?? m[2];
            if (spec.startsWith('node:'))
                continue;
            names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
        }
    }
    return names;
}
/** Absolute targets of the relative imports of the sources under `dir`. */
function relativeImports(dir) {
    const out = [];
    for (const entry of (0, node_fs_1.readdirSync)(dir)) {
        const path = (0, node_path_1.join)(dir, entry);
        if ((0, node_fs_1.statSync)(path).isDirectory())
            out.push(...relativeImports(path));
        else if (entry.endsWith('.ts') && !entry.endsWith('.spec.ts')) {
            for (const m of (0, node_fs_1.readFileSync)(path, 'utf8').matchAll(/from\s+'(\.[^']*)'|require\('(\.[^']*)'\)/g))
                out.push((0, node_path_1.join)(dir, m[1] ?? m[2]));
        }
    }
    return out;
}
/** The JS file a `node <file>` command line starts. */
function nodeEntry(cmd) {
    const m = /^node\s+(\S+\.js)$/.exec(cmd.trim());
    if (!m)
        throw new Error(`not a plain "node <file>" command: ${cmd}`);
    return m[1];
}
describe('cart-api image', () => {
    it('is multi-stage and builds FROM official images pinned to an exact version', () => {
        expect(stages.length).toBeGreaterThanOrEqual(2);
        const names = stages.map((s) => s.name).filter(Boolean);
        const external = stages.filter((s) => !names.includes(s.from));
        expect(external.length).toBeGreaterThan(0);
        for (const s of external) {
            expect(s.from).toMatch(support_1.PINNED_IMAGE);
            expect(s.from).not.toMatch(/latest/);
        }
    });
    it('runs an even-numbered (LTS) Node line that satisfies package.json engines', () => {
        const node = stages.map((s) => /^node:(\d+\.\d+\.\d+)/.exec(s.from)?.[1]).find(Boolean);
        expect(node).toBeDefined();
        expect((0, support_1.semver)(node)[0] % 2).toBe(0);
        const min = /(\d+\.\d+(?:\.\d+)?)/.exec(pkg.engines.node)[1];
        expect((0, support_1.atLeast)(node, min.split('.').length === 2 ? `${min}.0` : min)).toBe(true);
    });
    it('starts, in exec form, the same file as `npm run start:api` and the process driver', () => {
        const entry = inFinal('ENTRYPOINT');
        expect(entry).toHaveLength(1);
        const argv = JSON.parse(entry[0].args);
        expect(argv[0]).toBe('node');
        const startApi = nodeEntry(pkg.scripts['start:api']);
        expect(argv.slice(1)).toEqual([startApi]);
        // The process driver resolves the entry in apps/lab/src/topology/paths.ts.
        expect((0, support_1.read)('apps/lab/src/topology/paths.ts')).toContain(`'${startApi}'`);
        // No CMD that would append arguments or a shell form that would swallow SIGTERM.
        expect(inFinal('CMD')).toEqual([]);
        expect(inFinal('STOPSIGNAL').map((i) => i.args)).toEqual(['SIGTERM']);
    });
    it('copies the compiled entry into the final stage where ENTRYPOINT looks for it', () => {
        const workdir = instructions.filter((i) => i.op === 'WORKDIR' && i.stage <= final).pop()?.args;
        expect(workdir).toBe('/app');
        const entry = nodeEntry(pkg.scripts['start:api']);
        const copies = inFinal('COPY').filter((i) => i.args.startsWith('--from='));
        const dest = copies.map((i) => i.args.split(/\s+/).pop()).map((d) => node_path_1.posix.normalize(node_path_1.posix.join(workdir, d)));
        expect(dest.some((d) => node_path_1.posix.join(workdir, entry).startsWith(`${d}/`))).toBe(true);
    });
    it('compiles the cart-api project that exists in the repository', () => {
        const tsc = instructions.find((i) => i.op === 'RUN' && /\btsc\b/.test(i.args));
        expect(tsc).toBeDefined();
        const project = /-b\s+(\S+)/.exec(tsc.args)?.[1] ?? /-p\s+(\S+)/.exec(tsc.args)?.[1];
        expect(project).toBe('apps/cart-api/tsconfig.app.json');
        expect((0, node_fs_1.existsSync)((0, node_path_1.join)(support_1.ROOT, project))).toBe(true);
    });
    it('has in the build context everything the cart-api compile reads', () => {
        const copied = instructions
            .filter((i) => lineage(build).includes(i.stage) && i.op === 'COPY' && !i.args.startsWith('--from='))
            .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
        const tsconfig = JSON.parse((0, support_1.read)('apps/cart-api/tsconfig.app.json'));
        const extended = node_path_1.posix.normalize(node_path_1.posix.join('apps/cart-api', tsconfig.extends ?? '.'));
        expect(copied).toEqual(expect.arrayContaining(['apps/cart-api', extended, 'package.json', 'package-lock.json']));
        // A relative import that leaves apps/cart-api would not be in the image's build context,
        // except into libs/, which the build copies and the final stage keeps (built in place).
        expect(copied).toContain('libs');
        expect(inFinal('COPY').map((i) => i.args)).toContain('--from=build /app/libs ./libs');
        const inContext = (p) => p.startsWith((0, node_path_1.join)(support_1.ROOT, 'apps/cart-api')) || p.startsWith((0, node_path_1.join)(support_1.ROOT, 'libs/'));
        const escaping = relativeImports((0, node_path_1.join)(support_1.ROOT, 'apps/cart-api/src')).filter((p) => !inContext(p));
        expect(escaping).toEqual([]);
    });
    it('copies only sources that exist, and installs production dependencies only in the final stage', () => {
        for (const i of instructions.filter((x) => x.op === 'COPY' && !x.args.startsWith('--from='))) {
            const parts = i.args.split(/\s+/).filter((p) => !p.startsWith('--'));
            for (const src of parts.slice(0, -1))
                expect({ src, exists: (0, node_fs_1.existsSync)((0, node_path_1.join)(support_1.ROOT, src)) }).toEqual({ src, exists: true });
        }
        // The final stage installs nothing itself: it copies node_modules from a
        // stage that installed with --omit=dev (and nothing else).
        expect(inFinal('RUN').filter((i) => /\bnpm\s+(ci|install|i)\b/.test(i.args))).toEqual([]);
        const nm = inFinal('COPY').filter((i) => /node_modules/.test(i.args));
        expect(nm).toHaveLength(1);
        const from = /--from=(\S+)/.exec(nm[0].args)[1];
        const source = stages.findIndex((s) => s.name === from);
        const installs = instructions.filter((i) => lineage(source).includes(i.stage) && i.op === 'RUN' && /\bnpm\s+(ci|install|i)\b/.test(i.args));
        expect(installs.length).toBeGreaterThan(0);
        for (const i of installs)
            expect(i.args).toMatch(/npm ci --omit=dev/);
    });
    it('takes the Node base image as a parameter, and the offline npm cache only in install stages', () => {
        expect((0, support_1.read)(FILE)).toMatch(/^ARG NODE_IMAGE=node:\S+$/m);
        expect(stages[0].from).toMatch(/^node:/);
        const cacheCopies = instructions.filter((i) => i.op === 'COPY' && /\.docker-offline/.test(i.args));
        expect(cacheCopies.length).toBeGreaterThan(0);
        for (const c of cacheCopies)
            expect(c.stage).not.toBe(final);
        // The runtime stage does not descend from a stage holding the cache.
        expect(lineage(final).some((st) => cacheCopies.some((c) => c.stage === st))).toBe(false);
    });
    it('runs as a non-root user', () => {
        const users = inFinal('USER').map((i) => i.args.split(':')[0]);
        expect(users.length).toBeGreaterThan(0);
        expect(['root', '0']).not.toContain(users[users.length - 1]);
    });
    it('listens on 0.0.0.0:8000 and health-checks /health/live without curl', () => {
        const env = inFinal('ENV').map((i) => i.args).join(' ');
        expect(env).toMatch(/\bHOST=0\.0\.0\.0\b/);
        expect(env).toMatch(/\bPORT=8000\b/);
        expect(inFinal('EXPOSE').map((i) => i.args)).toEqual(['8000']);
        const hc = inFinal('HEALTHCHECK');
        expect(hc).toHaveLength(1);
        expect(hc[0].args).not.toMatch(/\bcurl\b/);
        // The URL is assembled from the PORT variable: take the path literal after it.
        const path = /['"](\/[\w/-]+)['"]/.exec(hc[0].args)?.[1];
        expect(path).toBe('/health/live');
        expect((0, support_1.healthRoutes)()).toContain(path);
    });
    it('needs at run time only packages that `npm ci --omit=dev` installs', () => {
        const lock = JSON.parse((0, support_1.read)('package-lock.json'));
        const missing = [];
        for (const name of runtimeImports((0, node_path_1.join)(support_1.ROOT, 'apps/cart-api/src'))) {
            const entry = lock.packages[`node_modules/${name}`];
            if (!entry || entry.dev || entry.devOptional)
                missing.push(name);
        }
        expect(missing).toEqual([]);
    });
    it('keeps host build output and dependencies out of the build context', () => {
        const ignored = (0, support_1.read)('.dockerignore').split('\n').map((l) => l.trim());
        expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git', 'reports', 'bench/results']));
    });
});
//# sourceMappingURL=dockerfile.spec.js.map