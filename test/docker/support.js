"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PINNED_IMAGE = exports.ROOT = void 0;
exports.read = read;
exports.loadCompose = loadCompose;
exports.envOf = envOf;
exports.merge = merge;
exports.interpolate = interpolate;
exports.appServices = appServices;
exports.acceptedEnvKeys = acceptedEnvKeys;
exports.healthRoutes = healthRoutes;
exports.healthcheckUrl = healthcheckUrl;
exports.dockerfile = dockerfile;
exports.semver = semver;
exports.atLeast = atLeast;
// Reading the compose files and the Dockerfile the way the drift checks need:
// YAML with merge keys, a minimal Compose-style merge of override files, and
// `${VAR:-default}` interpolation with an empty environment (the defaults a
// user gets with no variables set).
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const yaml_1 = require("yaml");
exports.ROOT = (0, node_path_1.join)(__dirname, '..', '..');
function read(rel) {
    return (0, node_fs_1.readFileSync)((0, node_path_1.join)(exports.ROOT, rel), 'utf8');
}
function loadCompose(rel) {
    const doc = (0, yaml_1.parse)(read(rel), { merge: true });
    if (!doc || typeof doc.services !== 'object')
        throw new Error(`${rel} has no services`);
    return doc;
}
/** `environment` as a map, whether written as a map or as `KEY=value` lines. */
function envOf(s) {
    const env = s.environment ?? {};
    if (!Array.isArray(env))
        return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v ?? '')]));
    return Object.fromEntries(env.map((line) => [line.split('=')[0], line.slice(line.indexOf('=') + 1)]));
}
function dependsOf(s) {
    const d = s.depends_on ?? {};
    return Array.isArray(d) ? Object.fromEntries(d.map((n) => [n, {}])) : d;
}
/**
 * Compose's merge for the keys these files use: maps (environment,
 * depends_on) merge by key, sequences of volumes/ports append, anything else
 * is replaced by the later file.
 */
function merge(...files) {
    const services = {};
    for (const f of files) {
        for (const [name, s] of Object.entries(f.services)) {
            const prev = services[name] ?? {};
            const next = { ...prev, ...s };
            if (prev.environment || s.environment)
                next.environment = { ...envOf(prev), ...envOf(s) };
            if (prev.depends_on || s.depends_on)
                next.depends_on = { ...dependsOf(prev), ...dependsOf(s) };
            for (const k of ['volumes', 'ports']) {
                if (prev[k] || s[k])
                    next[k] = [...(prev[k] ?? []), ...(s[k] ?? [])];
            }
            services[name] = next;
        }
    }
    return { services };
}
/** `${VAR}`, `${VAR:-default}`, `${VAR-default}` and `$$`, as Compose interpolates them. */
function interpolate(value, env = {}) {
    return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}/g, (whole, name, op, def) => {
        if (whole === '$$')
            return '$';
        const v = env[name];
        if (op === ':-')
            return v === undefined || v === '' ? def : v;
        if (op === '-')
            return v === undefined ? def : v;
        return v ?? '';
    });
}
function appServices(f) {
    return Object.keys(f.services).filter((n) => /^app\d+$/.test(n));
}
/** Environment variable names the cart-api config reads. */
function acceptedEnvKeys() {
    const dir = (0, node_path_1.join)(exports.ROOT, 'apps/cart-api/src/config');
    const sources = (0, node_fs_1.readdirSync)(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
    // Preferred: the config module's own list, when it exports one.
    for (const f of sources) {
        const mod = require((0, node_path_1.join)(dir, f));
        if (Array.isArray(mod.CONFIG_ENV_KEYS))
            return mod.CONFIG_ENV_KEYS;
    }
    // Otherwise every name the module reads: env.NAME, env['NAME'] or (env, 'NAME', …).
    const names = new Set();
    for (const f of sources) {
        const src = (0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, f), 'utf8');
        for (const m of src.matchAll(/\benv\.([A-Z][A-Z0-9_]*)|\benv\[['"]([A-Z][A-Z0-9_]*)['"]\]|\(env,\s*['"]([A-Z][A-Z0-9_]*)['"]/g)) {
            names.add(m[1] ?? m[2] ?? m[3]);
        }
    }
    return [...names];
}
/** Route paths of the cart-api health controller: `/health/live`, … */
function healthRoutes() {
    const src = read('apps/cart-api/src/health/health.controller.ts');
    const prefix = /@Controller\(\s*['"]([^'"]*)['"]\s*\)/.exec(src)?.[1] ?? '';
    return [...src.matchAll(/@Get\(\s*['"]([^'"]*)['"]\s*\)/g)].map((m) => `/${prefix}/${m[1]}`.replace(/\/+/g, '/'));
}
/** The path in an http://host:port/path URL inside a healthcheck command. */
function healthcheckUrl(s) {
    const test = s.healthcheck?.test;
    const text = Array.isArray(test) ? test.join(' ') : (test ?? '');
    const m = /https?:\/\/[^\s'"`)]+/.exec(text);
    return m ? new URL(m[0]) : null;
}
/**
 * Instructions (continuations joined, comments dropped), each tagged with its
 * stage index. A `FROM ${ARG}` is read with the default of the ARG declared
 * before the first FROM (what a build without --build-arg uses).
 */
function dockerfile(rel) {
    const lines = read(rel).split('\n').filter((l) => !/^\s*#/.test(l));
    const joined = lines.join('\n').replace(/\\\n/g, ' ');
    const instructions = [];
    const stages = [];
    const globalArgs = {};
    for (const line of joined.split('\n')) {
        const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
        if (!m)
            continue;
        const op = m[1].toUpperCase();
        if (op === 'ARG' && stages.length === 0) {
            const [k, v = ''] = m[2].trim().split('=');
            globalArgs[k] = v;
        }
        if (op === 'FROM') {
            const [raw, as, name] = m[2].trim().split(/\s+/);
            const from = raw.replace(/^\$\{(\w+)\}$/, (_w, k) => globalArgs[k] ?? '');
            stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined });
        }
        instructions.push({ op, args: m[2].trim(), stage: stages.length - 1 });
    }
    return { instructions, stages };
}
/** `major.minor.patch` as numbers, for version comparisons. */
function semver(v) {
    const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
    if (!m)
        throw new Error(`not an exact version: ${v}`);
    return [Number(m[1]), Number(m[2]), Number(m[3])];
}
function atLeast(v, min) {
    const a = semver(v);
    const b = semver(min);
    for (let i = 0; i < 3; i++)
        if (a[i] !== b[i])
            return a[i] > b[i];
    return true;
}
/** An image reference pinned to an exact release: `name:1.2.3`, `name:1.2.3-alpine`, optionally with a digest. */
exports.PINNED_IMAGE = /^[a-z0-9][a-z0-9._/-]*:\d+\.\d+\.\d+(-[A-Za-z0-9.]+)*(@sha256:[0-9a-f]{64})?$/;
//# sourceMappingURL=support.js.map