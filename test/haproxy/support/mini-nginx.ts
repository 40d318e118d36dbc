import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBinary } from '../../../apps/lab/src/util/find-binary';
import { freePort } from '../../../apps/lab/src/util/free-port';
import { waitFor } from '../../../apps/lab/src/util/wait';
import { probe } from '../../support/probe';

/**
 * The smallest nginx that balances with `hash $remote_addr consistent`
 * (ketama, 160 points per weight unit), written here so the comparison with
 * HAProxy's ring depends on nothing but the hash line and the server list.
 */
export class MiniNginx {
  private constructor(
    readonly dir: string,
    readonly url: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(servers: { host: string; port: number }[]): Promise<MiniNginx> {
    const dir = await mkdtemp(join(tmpdir(), 'lab-mini-nginx-'));
    const port = await freePort();
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((n) => `${n}_temp_path ${dir}/${n};`).join(' ');
    const conf = [
      // As root, workers would switch to nobody, who cannot enter a 0700 temp dir.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      `worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;`,
      'events { worker_connections 256; }',
      `http { access_log off; ${temp}`,
      '  upstream b {',
      '    hash $remote_addr consistent;',
      ...servers.map((s) => `    server ${s.host}:${s.port};`),
      '  }',
      `  server { listen 127.0.0.1:${port}; location / { proxy_pass http://b; } }`,
      '}',
    ].join('\n');
    await writeFile(join(dir, 'nginx.conf'), conf);
    const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;'];
    const child = spawn(requireBinary('nginx', 'nginx'), args, { stdio: 'ignore', detached: true });
    const nginx = new MiniNginx(dir, `http://127.0.0.1:${port}`, child);
    try {
      await waitFor('the mini nginx to answer', async () => {
        if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
        return (await probe(`${nginx.url}/`, { timeoutMs: 1000 })).status === 200;
      });
    } catch (err) {
      await nginx.stop();
      throw err;
    }
    return nginx;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      try {
        process.kill(-this.child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}
