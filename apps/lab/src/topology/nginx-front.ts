// The topology's view of nginx: render the strategy for the current replica
// list, start, and reload with a new generation (NginxProcess confirms each
// generation through /__lab/generation before resolving).
import { nginxBinary, nginxVersion, NginxProcess, NginxReplica, renderNginx, RenderResult } from '../nginx';
import type { Strategy } from './topology';

export interface NginxFrontOptions {
  strategy: Strategy;
  runDir: string;
  port: number;
  replicas: NginxReplica[];
  /** proxy_read_timeout, nginx syntax (default '5s'): how long a paused replica holds a request. */
  proxyReadTimeout?: string;
}

export interface NginxFront {
  readonly url: string;
  readonly pid: number | undefined;
  readonly version: string;
  readonly stickyMode: 'native' | 'portable';
  reload(replicas: NginxReplica[]): Promise<void>;
  stop(): Promise<void>;
  kill(): Promise<void>;
  errorLog(): string;
  accessLog(): string;
  config(): string;
}

export async function startNginxFront(opts: NginxFrontOptions): Promise<NginxFront> {
  const binary = nginxBinary();
  const version = await nginxVersion(binary);
  let generation = 1;
  const render = (replicas: NginxReplica[]): Promise<RenderResult> =>
    renderNginx({
      strategy: opts.strategy,
      replicas,
      listen: { host: '127.0.0.1', port: opts.port },
      runDir: opts.runDir,
      generation,
      binary,
      version,
      proxyReadTimeout: opts.proxyReadTimeout,
    });
  let rendered = await render(opts.replicas);
  const proc = await NginxProcess.start({ runDir: opts.runDir, confPath: rendered.confPath, binary });
  return {
    url: proc.url,
    version,
    get pid() {
      return proc.running ? proc.pid : undefined;
    },
    get stickyMode() {
      return rendered.stickyMode === 'native' ? 'native' : 'portable';
    },
    async reload(replicas) {
      generation += 1;
      rendered = await render(replicas);
      await proc.reload(rendered.confPath, generation);
    },
    stop: () => proc.stop(),
    kill: () => proc.kill(),
    errorLog: () => proc.errorLog(),
    accessLog: () => proc.accessLog(),
    config: () => rendered.text,
  };
}
