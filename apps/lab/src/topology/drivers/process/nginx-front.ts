// The process driver's nginx: render the strategy for the current replica
// list, start the machine's binary, reload with a new generation (NginxProcess
// confirms each generation, tagged with this front's random instance token,
// through /__lab/generation: a stranger on the port cannot pass for it).
import { randomBytes } from 'node:crypto';
import {
  nginxBinary, nginxVersion, NginxProcess, NginxReplica, renderNginx, RenderResult,
} from '../../../nginx';
import { NginxPortInUseError } from '../../../nginx/process';
import { freePort } from '../../../util/free-port';
import type { BalancerState, Strategy } from '../../../vocabulary';

export interface NginxFrontOptions {
  strategy: Strategy;
  runDir: string;
  /** A port the user asked for (taken: start fails); 0/undefined: a free one, retried if lost to a race. */
  port?: number;
  replicas: NginxReplica[];
  /** proxy_read_timeout, nginx syntax (default '5s'): how long a paused replica holds a request. */
  proxyReadTimeout?: string;
  /** One address or CIDR the per-client rate limit does not count (default 127.0.0.1). */
  rateExempt?: string;
}

export interface NginxFront {
  readonly url: string;
  readonly pid: number | undefined;
  readonly version: string;
  readonly stickyMode: 'native' | 'portable';
  /** `dead` once the master ended without the lab asking (its workers are killed with it). */
  readonly state: BalancerState;
  reload(replicas: NginxReplica[]): Promise<void>;
  stop(): Promise<void>;
  kill(): Promise<void>;
  errorLog(): string;
  accessLog(): string;
  config(): string;
}

/** Attempts when a port picked for nginx is taken between the pick and nginx's bind. */
const PORT_ATTEMPTS = 5;

export async function startNginxFront(opts: NginxFrontOptions): Promise<NginxFront> {
  const binary = nginxBinary();
  const version = await nginxVersion(binary);
  const instance = randomBytes(6).toString('hex');
  let generation = 1;
  let port = opts.port || (await freePort());
  const render = (replicas: NginxReplica[]): Promise<RenderResult> =>
    renderNginx({
      strategy: opts.strategy,
      replicas,
      listen: { host: '127.0.0.1', port },
      runDir: opts.runDir,
      generation,
      instance,
      binary,
      version,
      proxyReadTimeout: opts.proxyReadTimeout,
      rateExempt: opts.rateExempt,
    });
  let rendered = await render(opts.replicas);
  let proc: NginxProcess | undefined;
  for (let attempt = 1; !proc; attempt += 1) {
    try {
      proc = await NginxProcess.start({ runDir: opts.runDir, confPath: rendered.confPath, binary });
    } catch (err) {
      if (!(err instanceof NginxPortInUseError) || opts.port || attempt >= PORT_ATTEMPTS) throw err;
      port = await freePort();
      rendered = await render(opts.replicas);
    }
  }
  return front(proc, version, () => rendered, async (replicas) => {
    generation += 1;
    rendered = await render(replicas);
    await proc!.reload(rendered.confPath, generation);
  });
}

function front(
  proc: NginxProcess,
  version: string,
  rendered: () => RenderResult,
  reload: (replicas: NginxReplica[]) => Promise<void>,
): NginxFront {
  return {
    url: proc.url,
    version,
    get pid() {
      return proc.running ? proc.pid : undefined;
    },
    get state(): BalancerState {
      return proc.dead ? 'dead' : 'running';
    },
    get stickyMode() {
      return rendered().stickyMode === 'native' ? 'native' : 'portable';
    },
    reload: async (replicas) => {
      if (proc.dead) throw new Error(`nginx is dead (its master exited: ${proc.lastErrors()}); run down and up again`);
      await reload(replicas);
    },
    stop: () => proc.stop(),
    kill: () => proc.kill(),
    errorLog: () => proc.errorLog(),
    accessLog: () => proc.accessLog(),
    config: () => rendered().text,
  };
}
