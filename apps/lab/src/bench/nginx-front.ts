import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NginxProcess, renderNginx } from '../nginx';
import { freePort } from '../process/free-port';
import type { ChildServer } from './child';

/**
 * The lab's own round-robin nginx config in front of one server, so the
 * ceiling pays exactly the hop the cart-api pays in the lab.
 */
export class NginxFront {
  private constructor(
    private readonly nginx: NginxProcess,
    private readonly runDir: string,
  ) {}

  static async start(upstream: ChildServer): Promise<NginxFront> {
    const runDir = mkdtempSync(join(tmpdir(), 'bench-nginx-'));
    try {
      const { confPath } = await renderNginx({
        strategy: 'round-robin',
        replicas: [{ name: 'app1', host: '127.0.0.1', port: upstream.port }],
        listen: { host: '127.0.0.1', port: await freePort() },
        runDir,
        generation: 1,
      });
      return new NginxFront(await NginxProcess.start({ runDir, confPath }), runDir);
    } catch (err) {
      rmSync(runDir, { recursive: true, force: true });
      throw err;
    }
  }

  get url(): string {
    return this.nginx.url;
  }

  /** The nginx master; its workers are its children. */
  get pid(): number {
    return this.nginx.pid ?? -1;
  }

  async stop(): Promise<void> {
    await this.nginx.stop();
    rmSync(this.runDir, { recursive: true, force: true });
  }
}
