// The process driver's HAProxy: the same replica list rendered by
// haproxy/lab-haproxy.sh into its own run dir, the machine's binary in
// master-worker mode (HaproxyProcess confirms each generation through
// /__lab/generation AND its own runtime API socket, so a stranger on the
// port cannot pass for it).
import { join } from 'node:path';
import { haproxyBinary, HaproxyProcess, haproxyVersion, HaproxyRenderResult, healthOf, renderHaproxy } from '../../../haproxy';
import type { Strategy } from '../../../vocabulary';
import { BalancerFront, FrontReplica, startFront } from './balancer-front';

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

/** HAProxy's words when `noreuseport` meets a port another process holds. */
const PORT_TAKEN = /cannot bind socket|Address already in use/i;

export async function startHaproxyFront(opts: HaproxyFrontOptions): Promise<BalancerFront> {
  const binary = haproxyBinary();
  const runDir = join(opts.runDir, 'haproxy');
  return startFront<HaproxyProcess, HaproxyRenderResult>({
    engine: 'haproxy',
    version: await haproxyVersion(binary),
    replicas: opts.replicas,
    port: opts.port,
    render: (replicas, port, generation) =>
      renderHaproxy({
        strategy: opts.strategy,
        // `down` means what nginx's `server … down` means: no traffic at all (maintenance).
        replicas: replicas.map(({ name, host, port: p, down, drain }) => ({ name, host, port: p, down, drain })),
        listen: { host: '127.0.0.1', port },
        runDir,
        generation,
        serverTimeout: opts.serverTimeout,
        rateExempt: opts.rateExempt,
      }),
    start: () => HaproxyProcess.start({ runDir, binary }),
    portTaken: (err) => PORT_TAKEN.test(String(err)),
    reload: (proc, rendered) => proc.reload(rendered.confPath),
    sticky: () => (opts.strategy === 'sticky-cookie' ? 'native' : 'n/a'),
    health: async (proc) => healthOf(await proc.api.servers()),
  });
}
