// Balancer instances a scenario starts itself in front of a topology's
// replicas (the topology runs one balancer; failover needs two it can kill
// one of, and peers it configures). Built from the public API of the nginx
// and HAProxy modules: the same templates the topology renders.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HaproxyPeers, HaproxyProcess, HaproxyStrategy, renderHaproxy, StickEntry } from '../haproxy';
import { NginxProcess, renderNginx } from '../nginx';
import { NginxPortInUseError } from '../nginx/process';
import { freePort } from '../util/free-port';
import { trackPids } from '../util/reaper';
import type { BalancerEngine, Strategy } from '../topology/topology';

export interface Upstream {
  name: string;
  host: string;
  port: number;
}

export interface ExtraBalancer {
  /** `lb1`, `lb2`: how the history and the evidence name this instance. */
  readonly name: string;
  readonly url: string;
  /** SIGKILL to the whole instance (master and workers): a balancer host that dies. */
  kill(): Promise<void>;
  /** Orderly end; removes its run dir. Idempotent. */
  close(): Promise<void>;
  /** The stick table (HAProxy); `[]` for an nginx, which has none. */
  stickTable(): Promise<StickEntry[]>;
  config(): string;
  errorLog(): string;
}

export interface ExtraBalancerOptions {
  engine: BalancerEngine;
  strategy: Strategy;
  name: string;
  upstreams: Upstream[];
  /** HAProxy only: share the stick table with these instances. */
  peers?: HaproxyPeers;
  /** Listen port (default: a free one; a pick lost to a race is retried). */
  port?: number;
}

const ATTEMPTS = 3;

/** `http://127.0.0.1:41234` → `{ host, port }`, for the upstream list of a second balancer. */
export function upstreamOf(name: string, url: string): Upstream {
  const u = new URL(url);
  return { name, host: u.hostname, port: Number(u.port) };
}

export async function startExtraBalancer(o: ExtraBalancerOptions): Promise<ExtraBalancer> {
  if (o.peers && o.engine !== 'haproxy') throw new RangeError('peers exist only for HAProxy stick tables');
  const runDir = await mkdtemp(join(tmpdir(), `lab-${o.name}-`));
  try {
    const started = o.engine === 'haproxy' ? await startHaproxy(o, runDir) : await startNginx(o, runDir);
    const untrack = trackPids(() => [started.pid], runDir);
    let closed = false;
    return {
      name: o.name,
      url: started.url,
      kill: () => started.kill(),
      close: async () => {
        if (closed) return;
        closed = true;
        await started.stop();
        untrack();
        await rm(runDir, { recursive: true, force: true });
      },
      stickTable: () => (started instanceof HaproxyProcess ? started.api.stickTable() : Promise.resolve([])),
      config: () => started.config(),
      errorLog: () => started.errorLog(),
    };
  } catch (err) {
    await rm(runDir, { recursive: true, force: true });
    throw err;
  }
}

async function startHaproxy(o: ExtraBalancerOptions, runDir: string): Promise<HaproxyProcess> {
  const listen = { host: '127.0.0.1', port: o.port ?? (await freePort()) };
  // The HAProxy renderer knows two strategies nginx does not; every common one is a HaproxyStrategy.
  await renderHaproxy({ strategy: o.strategy as HaproxyStrategy, replicas: o.upstreams, listen, runDir, generation: 1, ...(o.peers ? { peers: o.peers } : {}) });
  return HaproxyProcess.start({ runDir });
}

async function startNginx(o: ExtraBalancerOptions, runDir: string): Promise<NginxProcess> {
  const instance = randomBytes(6).toString('hex');
  for (let attempt = 1; ; attempt++) {
    const listen = { host: '127.0.0.1', port: o.port ?? (await freePort()) };
    const rendered = await renderNginx({ strategy: o.strategy, replicas: o.upstreams, listen, runDir, generation: 1, instance });
    try {
      return await NginxProcess.start({ runDir, confPath: rendered.confPath });
    } catch (err) {
      if (!(err instanceof NginxPortInUseError) || o.port || attempt >= ATTEMPTS) throw err;
    }
  }
}
