// The process driver's nginx: render the strategy for the current replica
// list, start the machine's binary, reload with a new generation (NginxProcess
// confirms each generation, tagged with this front's random instance token,
// through /__lab/generation: a stranger on the port cannot pass for it).
import { randomBytes } from 'node:crypto';
import { nginxBinary, nginxVersion, NginxProcess, renderNginx, RenderResult } from '../../../nginx';
import { NginxPortInUseError } from '../../../nginx/process';
import type { CommonStrategy } from '../../../vocabulary';
import { BalancerFront, FrontReplica, startFront } from './balancer-front';

export interface NginxFrontOptions {
  strategy: CommonStrategy;
  runDir: string;
  /** A port the user asked for (taken: start fails); 0/undefined: a free one, retried if lost to a race. */
  port?: number;
  replicas: FrontReplica[];
  /** proxy_read_timeout, nginx syntax (default '5s'): how long a paused replica holds a request. */
  proxyReadTimeout?: string;
  /** One address or CIDR the per-client rate limit does not count (default 127.0.0.1). */
  rateExempt?: string;
}

/** Kept for callers of the nginx-only name. */
export type NginxFront = BalancerFront;

export async function startNginxFront(opts: NginxFrontOptions): Promise<BalancerFront> {
  const binary = nginxBinary();
  const version = await nginxVersion(binary);
  const instance = randomBytes(6).toString('hex');
  return startFront<NginxProcess, RenderResult>({
    engine: 'nginx',
    version,
    replicas: opts.replicas,
    port: opts.port,
    render: (replicas, port, generation) =>
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
      }),
    start: (rendered) => NginxProcess.start({ runDir: opts.runDir, confPath: rendered.confPath, binary }),
    portTaken: (err) => err instanceof NginxPortInUseError,
    reload: (proc, rendered, generation) => proc.reload(rendered.confPath, generation),
    sticky: (rendered) => (opts.strategy === 'sticky-cookie' ? (rendered.stickyMode === 'native' ? 'native' : 'portable') : 'n/a'),
  });
}
