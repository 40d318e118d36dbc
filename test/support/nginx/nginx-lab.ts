import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Strategy } from '../../../apps/lab/src/vocabulary';
import { freePort } from '../../../apps/lab/src/util/free-port';
import { NginxPortInUseError, NginxProcess } from '../../../apps/lab/src/nginx/process';
import { NginxReplica, renderNginx, RenderResult } from '../../../apps/lab/src/nginx/render';
import { nginxBinary, nginxVersion } from '../../../apps/lab/src/nginx/version';
import { EchoReplicas } from './echo-replicas';
import { many, probe, ProbeOptions, ProbeResponse, Tally } from '../probe';
import { balancerEvidence, withEvidence } from '../evidence';

export interface NginxLabOptions {
  strategy: Strategy;
  /** Replica names, default app1..app3. */
  replicas?: string[];
  sticky?: 'auto' | 'native' | 'portable';
  proxyReadTimeout?: string;
  /** Replicas served by something else (e.g. an EchoProcess), after the echo ones. */
  extra?: NginxReplica[];
  /** Address nginx listens on (default 127.0.0.1; an IPv6 address for IPv6 clients). */
  listenHost?: string;
}

/**
 * A started nginx (machine binary, private run dir) in front of echo
 * replicas: the fixture of the nginx-*.test.ts suites. `close()` fails when
 * the error log has [alert] or [emerg]; `evidence()` is what a failing test
 * prints (rendered config + logs).
 */
export class NginxLab implements AsyncDisposable {
  private generation = 1;
  private down: string[] = [];
  private removed: string[] = [];
  private constructor(
    readonly options: NginxLabOptions,
    readonly runDir: string,
    readonly backends: EchoReplicas,
    readonly nginx: NginxProcess,
    public rendered: RenderResult,
  ) {}

  static async start(options: NginxLabOptions): Promise<NginxLab> {
    const runDir = await mkdtemp(join(tmpdir(), `lab-nginx-${options.strategy}-`));
    const backends = await EchoReplicas.start(options.replicas ?? ['app1', 'app2', 'app3']);
    try {
      const binary = nginxBinary();
      const version = await nginxVersion(binary);
      const replicas = [...backends.replicas(), ...(options.extra ?? [])];
      // A picked port can be taken before nginx binds it: pick again (bounded).
      for (let attempt = 1; ; attempt += 1) {
        const listen = { host: options.listenHost ?? '127.0.0.1', port: await freePort() };
        const rendered = await renderNginx({ ...options, replicas, listen, runDir, generation: 1, binary, version });
        try {
          const nginx = await NginxProcess.start({ runDir, confPath: rendered.confPath, binary });
          return new NginxLab(options, runDir, backends, nginx, rendered);
        } catch (err) {
          if (!(err instanceof NginxPortInUseError) || attempt >= 5) throw err;
        }
      }
    } catch (err) {
      await backends.close();
      throw err;
    }
  }

  get url(): string {
    return this.nginx.url;
  }

  get(path = '/', o?: ProbeOptions): Promise<ProbeResponse> {
    return probe(this.url + path, o);
  }

  many(count: number, path = '/', o?: ProbeOptions): Promise<Tally> {
    return many(this.url + path, count, o);
  }

  /** Re-renders with the given changes and reloads, waiting for the new generation. */
  async reconfigure(change: { down?: string[]; removed?: string[]; add?: string[] }): Promise<void> {
    if (change.down) this.down = change.down;
    if (change.removed) this.removed = change.removed;
    for (const name of change.add ?? []) await this.backends.start(name);
    const extra = (this.options.extra ?? []).map((r) => ({ ...r, down: this.down.includes(r.name) }));
    const replicas = [...this.backends.replicas(this.down), ...extra].filter((r) => !this.removed.includes(r.name));
    this.generation += 1;
    this.rendered = await renderNginx({
      ...this.options,
      replicas,
      listen: this.nginx.listen,
      runDir: this.runDir,
      generation: this.generation,
      version: this.rendered.version,
    });
    await this.nginx.reload(this.rendered.confPath, this.generation);
  }

  evidence(): string {
    return balancerEvidence({
      name: 'nginx',
      runDir: this.runDir,
      config: this.nginx.config(),
      errorLog: this.nginx.errorLog(),
      accessLog: this.nginx.accessLog(),
    });
  }

  /** Runs `fn`; on failure rethrows with the evidence appended. */
  check<T>(fn: () => Promise<T>): Promise<T> {
    return withEvidence(fn, () => this.evidence());
  }

  /** Stops everything; throws when nginx logged an [alert] or [emerg]. */
  async close(): Promise<void> {
    await this.nginx.stop();
    await this.backends.close();
    const bad = this.nginx.errorLog().split('\n').filter((l) => /\[(alert|emerg)\]/.test(l));
    const evidence = bad.length ? this.evidence() : '';
    await rm(this.runDir, { recursive: true, force: true });
    if (bad.length) throw new Error(`nginx logged ${bad.length} [alert]/[emerg] line(s):\n${bad.join('\n')}\n\n${evidence}`);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
