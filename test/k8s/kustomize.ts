// The few kustomize features deploy/k8s uses, resolved the way `kustomize
// build` does, so a test can see each overlay's output without the binary
// (none is packaged for this machine). Anything else in a kustomization is
// refused, not ignored: an overlay cannot use a feature this resolver would
// silently drop.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export type Manifest = { apiVersion: string; kind: string; metadata: { name: string; [k: string]: unknown }; [k: string]: unknown };

const KNOWN_KEYS = new Set(['apiVersion', 'kind', 'resources', 'patches']);
/** Lists whose items strategic merge matches by this key (the fields deploy/k8s patches). */
const MERGE_KEY = 'name';

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  resources?: string[];
  patches?: Array<{ path?: string; [k: string]: unknown }>;
}

export function build(dir: string): Manifest[] {
  const file = join(dir, 'kustomization.yaml');
  if (!existsSync(file)) throw new Error(`${dir}: no kustomization.yaml`);
  const k = parse(readFileSync(file, 'utf8')) as Kustomization;
  const unknown = Object.keys(k).filter((key) => !KNOWN_KEYS.has(key));
  if (unknown.length) throw new Error(`${file}: unsupported field(s) ${unknown.join(', ')}`);
  if (k.kind !== 'Kustomization') throw new Error(`${file}: kind must be Kustomization`);
  const out: Manifest[] = [];
  for (const entry of k.resources ?? []) {
    const path = resolve(dir, entry);
    for (const m of statSync(path).isDirectory() ? build(path) : readManifests(path)) {
      if (out.some((o) => sameObject(o, m))) throw new Error(`${file}: ${m.kind}/${m.metadata.name} is declared twice`);
      out.push(m);
    }
  }
  for (const p of k.patches ?? []) {
    const extra = Object.keys(p).filter((key) => key !== 'path');
    if (!p.path || extra.length) throw new Error(`${file}: a patch must be { path } only (strategic merge), got ${JSON.stringify(p)}`);
    for (const patch of readManifests(resolve(dir, p.path))) {
      const target = out.findIndex((o) => sameObject(o, patch));
      if (target < 0) throw new Error(`${file}: patch ${p.path} targets ${patch.kind}/${patch.metadata.name}, which no resource declares`);
      out[target] = merge(out[target], patch) as Manifest;
    }
  }
  return out;
}

export function readManifests(path: string): Manifest[] {
  return parseAllDocuments(readFileSync(path, 'utf8')).map((doc, i) => {
    if (doc.errors.length) throw new Error(`${path} document ${i + 1}: ${doc.errors[0].message}`);
    const m = doc.toJS() as Manifest;
    if (!m?.apiVersion || !m.kind || !m.metadata?.name) throw new Error(`${path} document ${i + 1}: apiVersion, kind and metadata.name are required`);
    return m;
  });
}

function sameObject(a: Manifest, b: Manifest): boolean {
  return a.kind === b.kind && a.metadata.name === b.metadata.name && group(a) === group(b);
}

function group(m: Manifest): string {
  return m.apiVersion.includes('/') ? m.apiVersion.split('/')[0] : '';
}

/** Strategic merge: maps merge, lists of named objects merge by name, other lists and scalars replace. */
export function merge(base: unknown, patch: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(patch) && [...base, ...patch].every(isNamed)) {
    const result = base.map((item) => ({ ...item }));
    for (const item of patch) {
      const at = result.findIndex((r) => r[MERGE_KEY] === item[MERGE_KEY]);
      if (at < 0) result.push(item);
      else result[at] = merge(result[at], item) as Record<string, unknown>;
    }
    return result;
  }
  if (isObject(base) && isObject(patch)) {
    const result: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(patch)) result[key] = key in base ? merge(base[key], value) : value;
    return result;
  }
  return patch;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNamed(v: unknown): v is Record<string, unknown> {
  return isObject(v) && typeof v[MERGE_KEY] === 'string';
}

export const K8S_ROOT = resolve(__dirname, '../../deploy/k8s');
export const overlayDir = (name: string): string => join(K8S_ROOT, 'overlays', name);
export const baseDir = (): string => join(K8S_ROOT, 'base');
