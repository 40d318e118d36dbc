// The process driver's HAProxy: the same replica list rendered by
// haproxy/lab-haproxy.sh into its own run dir, the machine's binary in
// master-worker mode (HaproxyProcess confirms each generation through
// /__lab/generation AND its own runtime API socket, so a stranger on the
// port cannot pass for it).
import { join } from 'node:path';
import { haproxyBinary, HaproxyProcess, haproxyVersion, renderHaproxy } from '../../../haproxy';
import { freePort } from '../../../util/free-port';
import type { BalancerState, Strategy } from '../../../vocabulary';
import { BalancerFront, FrontReplica, refuseDead } from './balancer-front';

export interface HaproxyFrontOptions {
  strategy: Strategy;
  /** The topology's run dir; HAProxy's files go to its `haproxy/` folder. */
  runDir: string;
  /** A port the user asked for (taken: start fails); 0/undefined: a free one, retried if lost to a race. */
  port?: number;
  replicas: FrontReplica[];
  /** `timeout server`, HAProxy syntax (default '5s'): how long a paused replica holds a request. */
  serverTimeout?: string;
  /** One address or CIDR the per-client rate limit does not count (default 127.0.0.1). */
  rateExempt?: string;
}

const PORT_ATTEMPTS = 5;

/** HAProxy's words when `noreuseport` meets a port another process holds. */
const PORT_TAKEN = /cannot bind socket|Address already in use/i;

export async function startHaproxyFront(opts: HaproxyFrontOptions): Promise<BalancerFront> {
  const binary = haproxyBinary();
  const version = await haproxyVersion(binary);
  const runDir = join(opts.runDir, 'haproxy');
  let generation = 1;
  let port = opts.port || (await freePort());
  let replicas = opts.replicas;
  const render = () =>
    renderHaproxy({
      strategy: opts.strategy,
      // `down` means what nginx's `server … down` means: no traffic at all (maintenance).
      replicas: replicas.map(({ name, host, port: p, down, drain }) => ({ name, host, port: p, down, drain })),
      listen: { host: '127.0.0.1', port },
      runDir,
      generation,
      serverTimeout: opts.serverTimeout,
      rateExempt: opts.rateExempt,
    });
  let rendered = await render();
  const start = () => HaproxyProcess.start({ runDir, binary });
  let proc: HaproxyProcess | undefined;
  for (let attempt = 1; !proc; attempt += 1) {
    try {
      proc = await start();
    } catch (err) {
      if (!PORT_TAKEN.test(String(err)) || opts.port || attempt >= PORT_ATTEMPTS) throw err;
      port = await freePort();
      rendered = await render();
    }
  }
  let current: HaproxyProcess = proc;
  let lost = false;
  const state = (): BalancerState => (lost || current.dead ? 'dead' : 'running');
  const lastErrors = () => current.errorLog().trim().split('\n').slice(-4).join(' | ');
  const reloadWith = async (next: FrontReplica[]) => {
    refuseDead('haproxy', state(), lastErrors());
    generation += 1;
    replicas = next;
    rendered = await render();
    await current.reload(rendered.confPath);
  };
  return {
    engine: 'haproxy',
    url: current.url,
    version,
    get pid() {
      return current.running ? current.pid : undefined;
    },
    get state() {
      return state();
    },
    sticky: opts.strategy === 'sticky-cookie' ? 'native' : 'n/a',
    reload: reloadWith,
    reloadSame: () => reloadWith(replicas),
    restart: async () => {
      // SIGUSR1: a soft stop, in-flight requests finish before the port is let go.
      await current.stop();
      generation += 1;
      rendered = await render();
      lost = true;
      current = await start();
      lost = false;
    },
    stop: () => current.stop(),
    kill: () => current.kill(),
    logs: () => ({ haproxy: current.errorLog(), 'haproxy-access': current.accessLog() }),
    config: () => rendered.text,
  };
}
