// The process driver's nginx: render the strategy for the current replica
// list, start the machine's binary, reload with a new generation (NginxProcess
// confirms each generation, tagged with this front's random instance token,
// through /__lab/generation: a stranger on the port cannot pass for it).
import { randomBytes } from 'node:crypto';
import { nginxBinary, nginxVersion, NginxProcess, renderNginx, RenderResult } from '../../../nginx';
import { NginxPortInUseError } from '../../../nginx/process';
import { freePort } from '../../../util/free-port';
import type { BalancerState, CommonStrategy } from '../../../vocabulary';
import { BalancerFront, FrontReplica, refuseDead } from './balancer-front';

export interface NginxFrontOptions {
  strategy: CommonStrategy;
  runDir: string;
  /** A port the user asked for (taken: start fails); 0/undefined: a free one, retried if lost to a race. */
  port?: number;
  replicas: FrontReplica[];
  /** proxy_read_timeout, nginx syntax (default '5s'): how long a paused replica holds a request. */
  proxyReadTimeout?: string;
}

/** Kept for callers of the nginx-only name. */
export type NginxFront = BalancerFront;

/** Attempts when a port picked for nginx is taken between the pick and nginx's bind. */
const PORT_ATTEMPTS = 5;

export async function startNginxFront(opts: NginxFrontOptions): Promise<BalancerFront> {
  const binary = nginxBinary();
  const version = await nginxVersion(binary);
  const instance = randomBytes(6).toString('hex');
  let generation = 1;
  let port = opts.port || (await freePort());
  let replicas = opts.replicas;
  const render = (): Promise<RenderResult> =>
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
    });
  let rendered = await render();
  const start = () => NginxProcess.start({ runDir: opts.runDir, confPath: rendered.confPath, binary });
  let proc: NginxProcess | undefined;
  for (let attempt = 1; !proc; attempt += 1) {
    try {
      proc = await start();
    } catch (err) {
      if (!(err instanceof NginxPortInUseError) || opts.port || attempt >= PORT_ATTEMPTS) throw err;
      port = await freePort();
      rendered = await render();
    }
  }
  let current: NginxProcess = proc;
  /** A restart whose new process did not come up: nothing serves until another restart works. */
  let lost = false;
  const state = (): BalancerState => (lost || current.dead ? 'dead' : 'running');
  const reloadWith = async (next: FrontReplica[]) => {
    refuseDead('nginx', state(), current.lastErrors());
    generation += 1;
    replicas = next;
    rendered = await render();
    await current.reload(rendered.confPath, generation);
  };
  return {
    engine: 'nginx',
    url: current.url,
    version,
    get pid() {
      return current.running ? current.pid : undefined;
    },
    get state() {
      return state();
    },
    get sticky() {
      return opts.strategy === 'sticky-cookie' ? (rendered.stickyMode === 'native' ? 'native' : 'portable') : 'n/a';
    },
    reload: reloadWith,
    reloadSame: () => reloadWith(replicas),
    restart: async () => {
      // SIGQUIT: in-flight requests finish before the port is let go.
      await current.stop();
      generation += 1;
      rendered = await render();
      lost = true;
      current = await start();
      lost = false;
    },
    stop: () => current.stop(),
    kill: () => current.kill(),
    logs: () => ({ nginx: current.errorLog(), 'nginx-access': current.accessLog() }),
    config: () => rendered.text,
  };
}
