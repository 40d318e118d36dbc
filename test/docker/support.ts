// Reading the compose files and the Dockerfile the way the drift checks need:
// YAML with merge keys, a minimal Compose-style merge of override files, and
// `${VAR:-default}` interpolation with an empty environment (the defaults a
// user gets with no variables set).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const ROOT = join(__dirname, '..', '..');

export function read(rel: string): string {
  return readFileSync(join(ROOT, rel), 'utf8');
}

export type Service = Record<string, unknown> & {
  image?: string;
  build?: unknown;
  environment?: Record<string, string> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string };
  volumes?: string[];
  ports?: string[];
  profiles?: string[];
  command?: string[] | string;
};
export interface ComposeFile {
  services: Record<string, Service>;
}

export function loadCompose(rel: string): ComposeFile {
  const doc = parse(read(rel), { merge: true }) as ComposeFile;
  if (!doc || typeof doc.services !== 'object') throw new Error(`${rel} has no services`);
  return doc;
}

/** `environment` as a map, whether written as a map or as `KEY=value` lines. */
export function envOf(s: Service): Record<string, string> {
  const env = s.environment ?? {};
  if (!Array.isArray(env)) return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v ?? '')]));
  return Object.fromEntries(env.map((line) => [line.split('=')[0], line.slice(line.indexOf('=') + 1)]));
}

function dependsOf(s: Service): Record<string, { condition?: string }> {
  const d = s.depends_on ?? {};
  return Array.isArray(d) ? Object.fromEntries(d.map((n) => [n, {}])) : d;
}

/**
 * Compose's merge for the keys these files use: maps (environment,
 * depends_on) merge by key, sequences of volumes/ports append, anything else
 * is replaced by the later file.
 */
export function merge(...files: ComposeFile[]): ComposeFile {
  const services: Record<string, Service> = {};
  for (const f of files) {
    for (const [name, s] of Object.entries(f.services)) {
      const prev = services[name] ?? {};
      const next: Service = { ...prev, ...s };
      if (prev.environment || s.environment) next.environment = { ...envOf(prev), ...envOf(s) };
      if (prev.depends_on || s.depends_on) next.depends_on = { ...dependsOf(prev), ...dependsOf(s) };
      for (const k of ['volumes', 'ports'] as const) {
        if (prev[k] || s[k]) next[k] = [...(prev[k] ?? []), ...(s[k] ?? [])];
      }
      services[name] = next;
    }
  }
  return { services };
}

/** `${VAR}`, `${VAR:-default}`, `${VAR-default}` and `$$`, as Compose interpolates them. */
export function interpolate(value: string, env: Record<string, string | undefined> = {}): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}/g, (whole, name, op, def) => {
    if (whole === '$$') return '$';
    const v = env[name];
    if (op === ':-') return v === undefined || v === '' ? def : v;
    if (op === '-') return v === undefined ? def : v;
    return v ?? '';
  });
}

export function appServices(f: ComposeFile): string[] {
  return Object.keys(f.services).filter((n) => /^app\d+$/.test(n));
}

/** Environment variable names the cart-api config reads. */
export function acceptedEnvKeys(): string[] {
  const dir = join(ROOT, 'apps/cart-api/src/config');
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
  // Preferred: the config module's own list, when it exports one.
  for (const f of sources) {
    const mod = require(join(dir, f)) as Record<string, unknown>;
    if (Array.isArray(mod.CONFIG_ENV_KEYS)) return mod.CONFIG_ENV_KEYS as string[];
  }
  // Otherwise every name the module reads: env.NAME, env['NAME'] or (env, 'NAME', …).
  const names = new Set<string>();
  for (const f of sources) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/\benv\.([A-Z][A-Z0-9_]*)|\benv\[['"]([A-Z][A-Z0-9_]*)['"]\]|\(env,\s*['"]([A-Z][A-Z0-9_]*)['"]/g)) {
      names.add(m[1] ?? m[2] ?? m[3]);
    }
  }
  return [...names];
}

/** Route paths of the cart-api health controller: `/health/live`, … */
export function healthRoutes(): string[] {
  const src = read('apps/cart-api/src/health/health.controller.ts');
  const prefix = /@Controller\(\s*['"]([^'"]*)['"]\s*\)/.exec(src)?.[1] ?? '';
  return [...src.matchAll(/@Get\(\s*['"]([^'"]*)['"]\s*\)/g)].map((m) => `/${prefix}/${m[1]}`.replace(/\/+/g, '/'));
}

/** The path in an http://host:port/path URL inside a healthcheck command. */
export function healthcheckUrl(s: Service): URL | null {
  const test = s.healthcheck?.test;
  const text = Array.isArray(test) ? test.join(' ') : (test ?? '');
  const m = /https?:\/\/[^\s'"`)]+/.exec(text);
  return m ? new URL(m[0]) : null;
}

// --- Dockerfile -------------------------------------------------------------------------

export interface Instruction {
  op: string;
  args: string;
  stage: number;
}

/**
 * Instructions (continuations joined, comments dropped), each tagged with its
 * stage index. A `FROM ${ARG}` is read with the default of the ARG declared
 * before the first FROM (what a build without --build-arg uses).
 */
export function dockerfile(rel: string): { instructions: Instruction[]; stages: { from: string; name?: string }[] } {
  const lines = read(rel).split('\n').filter((l) => !/^\s*#/.test(l));
  const joined = lines.join('\n').replace(/\\\n/g, ' ');
  const instructions: Instruction[] = [];
  const stages: { from: string; name?: string }[] = [];
  const globalArgs: Record<string, string> = {};
  for (const line of joined.split('\n')) {
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const op = m[1].toUpperCase();
    if (op === 'ARG' && stages.length === 0) {
      const [k, v = ''] = m[2].trim().split('=');
      globalArgs[k] = v;
    }
    if (op === 'FROM') {
      const [raw, as, name] = m[2].trim().split(/\s+/);
      const from = raw.replace(/^\$\{(\w+)\}$/, (_w, k: string) => globalArgs[k] ?? '');
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined });
    }
    instructions.push({ op, args: m[2].trim(), stage: stages.length - 1 });
  }
  return { instructions, stages };
}

/** `major.minor.patch` as numbers, for version comparisons. */
export function semver(v: string): [number, number, number] {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
  if (!m) throw new Error(`not an exact version: ${v}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function atLeast(v: string, min: string): boolean {
  const a = semver(v);
  const b = semver(min);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

/** An image reference pinned to an exact release: `name:1.2.3`, `name:1.2.3-alpine`, optionally with a digest. */
export const PINNED_IMAGE = /^[a-z0-9][a-z0-9._/-]*:\d+\.\d+\.\d+(-[A-Za-z0-9.]+)*(@sha256:[0-9a-f]{64})?$/;
