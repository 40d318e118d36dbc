import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { HAPROXY_STRATEGIES } from '../vocabulary';
import { generatorScript, haproxyRunPaths } from './paths';

// One list of strategies for the whole lab: the vocabulary's.
export { HAPROXY_STRATEGIES };
export type HaproxyStrategy = (typeof HAPROXY_STRATEGIES)[number];

export interface HaproxyListen {
  host: string;
  port: number;
}

export interface HaproxyReplica extends HaproxyListen {
  /** Server name, cookie value and runtime API name (`app1`, …); its trailing number is the server id. */
  name: string;
  /** Rendered `disabled` (maintenance): no traffic at all. */
  down?: boolean;
  /** Rendered `weight 0`: only clients already stuck to it (cookie, stick table). */
  drain?: boolean;
}

/** Instances sharing the stick table (`peers` section); `local` names this one. */
export interface HaproxyPeers {
  local: string;
  peers: (HaproxyListen & { name: string })[];
}

export interface HaproxyRenderOptions {
  strategy: HaproxyStrategy;
  replicas: HaproxyReplica[];
  listen: HaproxyListen;
  /** Private directory of this instance: config, runtime API socket, logs. */
  runDir: string;
  /** Answered by /__lab/generation; bump it on every reload. */
  generation: number;
  /** Health check interval, HAProxy syntax (default '1s'). */
  checkInter?: string;
  /** One address or CIDR the per-client rate limit does not count (default 127.0.0.1). */
  rateExempt?: string;
  /** `timeout server` (default '5s'). */
  serverTimeout?: string;
  /** Stick table entry expiry (default '30m'). */
  stickExpire?: string;
  /** bounded-load's hash-balance-factor, percent of the mean (default 125). */
  balanceFactor?: number;
  peers?: HaproxyPeers;
}

/** What HaproxyProcess needs to confirm a start or reload (runDir/render.json). */
export interface HaproxyRenderMeta {
  listen: HaproxyListen;
  generation: number;
  strategy: HaproxyStrategy;
  localPeer?: string;
}

export interface HaproxyRenderResult {
  confPath: string;
  socketPath: string;
  text: string;
  meta: HaproxyRenderMeta;
}

export function formatAddress({ host, port }: HaproxyListen): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function generatorInput(o: HaproxyRenderOptions): Record<string, string> {
  const names = (pick: (r: HaproxyReplica) => boolean | undefined) => o.replicas.filter(pick).map((r) => r.name).join(' ');
  const optional: Record<string, string | undefined> = {
    LAB_CHECK_INTER: o.checkInter,
    LAB_RATE_EXEMPT: o.rateExempt,
    LAB_SERVER_TIMEOUT: o.serverTimeout,
    LAB_STICK_EXPIRE: o.stickExpire,
    LAB_BALANCE_FACTOR: o.balanceFactor === undefined ? undefined : String(o.balanceFactor),
    LAB_PEERS: o.peers?.peers.map((p) => `${p.name}=${formatAddress(p)}`).join(' '),
    LAB_LOCAL_PEER: o.peers?.local,
  };
  return {
    LB_STRATEGY: o.strategy,
    LAB_REPLICAS: o.replicas.map((r) => `${r.name}=${formatAddress(r)}`).join(' '),
    LAB_DOWN: names((r) => r.down),
    LAB_DRAIN: names((r) => r.drain && !r.down),
    LAB_LISTEN: formatAddress(o.listen),
    LAB_GENERATION: String(o.generation),
    LAB_ADMIN_SOCKET: haproxyRunPaths(o.runDir).socket,
    ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Record<string, string>),
  };
}

/**
 * Runs haproxy/lab-haproxy.sh (the one implementation of the config, shared
 * with images) with only PATH and the inputs in its environment, so the
 * user's own environment cannot leak into the config.
 */
export function runGenerator(input: Record<string, string>): Promise<string> {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...input };
  return new Promise((resolve, reject) => {
    execFile('sh', [generatorScript()], { env, timeout: 15_000, maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(stderr.trim() || `${generatorScript()} failed: ${err.message}`));
      else resolve(stdout);
    });
  });
}

/** Renders the config into runDir (in place, for reloads) and records what a start or reload must confirm. */
export async function renderHaproxy(o: HaproxyRenderOptions): Promise<HaproxyRenderResult> {
  if (!o.replicas.length) throw new Error('renderHaproxy: no replicas');
  const p = haproxyRunPaths(o.runDir);
  await mkdir(o.runDir, { recursive: true });
  const text = await runGenerator(generatorInput(o));
  await writeFile(p.conf, text);
  const meta: HaproxyRenderMeta = { listen: o.listen, generation: o.generation, strategy: o.strategy, localPeer: o.peers?.local };
  await writeFile(p.meta, JSON.stringify(meta, null, 2));
  return { confPath: p.conf, socketPath: p.socket, text, meta };
}
