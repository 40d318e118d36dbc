import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Strategy } from '../vocabulary';
import { envsubst } from './envsubst';
import { mainConf, runPaths } from './main-conf';
import { templatesDir } from './paths';
import { runUpstreamsScript } from './upstreams';
import { nginxBinary, nginxVersion } from './version';

export interface NginxReplica {
  /** `app1`, `app2`, …: upstream pool names and route cookie values. */
  name: string;
  host: string;
  port: number;
  /** `server … down`: keeps its hash slot, gets no traffic. */
  down?: boolean;
  /** Draining: clients bound to it keep it, new ones go elsewhere (see LAB_DRAIN in the upstream script). */
  drain?: boolean;
}

export interface Listen {
  host: string;
  port: number;
}

/** Which sticky-cookie form was rendered; 'n/a' for the other strategies. */
export type StickyMode = 'native' | 'portable' | 'n/a';

export interface RenderOptions {
  strategy: Strategy;
  replicas: NginxReplica[];
  listen: Listen;
  /** Private directory of this nginx: config, logs, temp files, pid. */
  runDir: string;
  /** Answered by /__lab/generation; bump it on every reload. */
  generation: number;
  /** Random token answered with the generation, so the lab knows it is its own nginx on the port. */
  instance?: string;
  /** Force a sticky-cookie form; default 'auto' (native when nginx >= 1.29.6). */
  sticky?: 'auto' | 'native' | 'portable';
  /** nginx binary (default: found on PATH/sbin); only its version is used here. */
  binary?: string;
  /** Skip running `nginx -v` when the caller knows the version. */
  version?: string;
  /** proxy_read_timeout/proxy_send_timeout, nginx syntax (default '5s'). */
  proxyReadTimeout?: string;
  /** One address or CIDR the per-client rate limit does not count (default 127.0.0.1). */
  rateExempt?: string;
}

export interface RenderResult {
  /** The main config to pass to `nginx -c`. */
  confPath: string;
  /** Every rendered file, concatenated with headers: failure evidence. */
  text: string;
  stickyMode: StickyMode;
  version: string;
  /** The environment the templates were rendered with (LAB_SERVERS, …). */
  vars: Record<string, string>;
}

/** What NginxProcess needs to confirm a start or reload (runDir/render.json). */
export interface RenderMeta {
  listen: Listen;
  generation: number;
  instance?: string;
  strategy: Strategy;
  stickyMode: StickyMode;
  version: string;
}

/** What /__lab/generation answers: `<instance>-<generation>`, or the bare generation without an instance. */
export function generationTag({ generation, instance }: { generation: number; instance?: string }): string {
  return instance ? `${instance}-${generation}` : String(generation);
}

export function formatListen({ host, port }: Listen): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function scriptInput(o: RenderOptions, version: string): Record<string, string> {
  const p = runPaths(o.runDir);
  return {
    LB_STRATEGY: o.strategy,
    LAB_REPLICAS: o.replicas.map((r) => `${r.name}=${formatListen(r)}`).join(' '),
    LAB_DOWN: o.replicas.filter((r) => r.down).map((r) => r.name).join(' '),
    LAB_DRAIN: o.replicas.filter((r) => r.drain && !r.down).map((r) => r.name).join(' '),
    LAB_LISTEN: formatListen(o.listen),
    LAB_GENERATION: generationTag(o),
    LAB_ACCESS_LOG: p.accessLog,
    LAB_INCLUDE_DIR: p.includeDir,
    LAB_NGINX_VERSION: version,
    LAB_STICKY: o.sticky ?? 'auto',
    ...(o.proxyReadTimeout ? { LAB_PROXY_READ_TIMEOUT: o.proxyReadTimeout } : {}),
    ...(o.rateExempt ? { LAB_RATE_EXEMPT: o.rateExempt } : {}),
  };
}

async function renderFile(template: string, out: string, vars: Record<string, string>): Promise<string> {
  const text = envsubst(await readFile(template, 'utf8'), vars, template);
  await writeFile(out, text);
  return `# ---- ${out} (from ${basename(template)})\n${text}`;
}

/**
 * Renders the strategy template and snippets with the variables computed by
 * the shared upstream script, plus a main config for a private local run.
 * Re-rendering into the same runDir overwrites it in place (for reloads).
 */
export async function renderNginx(o: RenderOptions): Promise<RenderResult> {
  if (!o.replicas.length) throw new Error('renderNginx: no replicas');
  const p = runPaths(o.runDir);
  await Promise.all([p.includeDir, p.logsDir, p.tmpDir].map((d) => mkdir(d, { recursive: true })));
  const version = o.version ?? (await nginxVersion(o.binary ?? nginxBinary()));
  const vars = await runUpstreamsScript(scriptInput(o, version));
  const snippets = (await readdir(join(templatesDir(), 'snippets'))).filter((f) => f.endsWith('.template')).sort();
  const parts = await Promise.all([
    renderFile(join(templatesDir(), vars.LAB_TEMPLATE), p.strategyConf, vars),
    ...snippets.map((f) =>
      renderFile(join(templatesDir(), 'snippets', f), join(p.includeDir, f.replace(/\.template$/, '')), vars),
    ),
  ]);
  const main = mainConf(o.runDir);
  await writeFile(p.mainConf, main);
  const stickyMode = vars.LAB_STICKY_MODE as StickyMode;
  const meta: RenderMeta = { listen: o.listen, generation: o.generation, instance: o.instance, strategy: o.strategy, stickyMode, version };
  await writeFile(p.meta, JSON.stringify(meta, null, 2));
  const text = [`# ---- ${p.mainConf}\n${main}`, ...parts].join('\n');
  return { confPath: p.mainConf, text, stickyMode, version, vars };
}
