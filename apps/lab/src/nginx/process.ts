import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { recordChild } from '../util/orphans';
import { MasterProcess } from '../util/master-process';
import { readTextOrEmpty as readText, signalGroup } from '../util/process-group';
import { waitFor } from '../util/wait';
import { fetchGeneration, testConfig } from './control';
import { runPaths } from './main-conf';
import { generationTag, Listen, RenderMeta } from './render';
import { nginxBinary } from './version';

/** nginx could not bind its listen address: someone else holds the port. */
export class NginxPortInUseError extends Error {
  constructor(readonly listen: Listen, detail: string) {
    super(`nginx cannot listen on ${listen.host}:${listen.port}: the port is in use (${detail})`);
  }
}

export interface NginxStartOptions {
  runDir: string;
  confPath: string;
  binary?: string;
  /** Default: what renderNginx recorded in runDir/render.json. */
  listen?: Listen;
  startTimeoutMs?: number;
}

/**
 * The machine's nginx as a child process (master in the foreground, its own
 * process group so stop/kill can never leave a worker behind).
 */
export class NginxProcess extends MasterProcess {
  private output = '';
  /** Once nginx served its first generation, an exit is a death, not a failed start. */
  private confirmed = false;
  private constructor(
    readonly runDir: string,
    readonly confPath: string,
    readonly binary: string,
    readonly listen: Listen,
  ) {
    super('nginx');
  }

  static async start(o: NginxStartOptions): Promise<NginxProcess> {
    const meta = readMeta(o.runDir);
    const listen = o.listen ?? meta?.listen;
    if (!listen) throw new Error(`${runPaths(o.runDir).meta} missing: render with renderNginx() or pass listen`);
    const nginx = new NginxProcess(o.runDir, o.confPath, o.binary ?? nginxBinary(), listen);
    await testConfig(nginx.binary, o.runDir, o.confPath);
    // Only what this start writes counts: an earlier attempt's bind error is not ours.
    const logMark = readText(runPaths(o.runDir).errorLog).length;
    nginx.spawn();
    try {
      await nginx.waitGeneration(meta ? generationTag(meta) : null, o.startTimeoutMs ?? 15_000);
      nginx.confirmed = true;
    } catch (err) {
      await nginx.kill();
      if (/Address already in use/.test(nginx.errorLog().slice(logMark))) throw new NginxPortInUseError(listen, nginx.lastErrors());
      throw err;
    }
    return nginx;
  }

  private spawn(): void {
    const p = runPaths(this.runDir);
    const args = ['-p', this.runDir, '-c', this.confPath, '-e', p.errorLog, '-g', 'daemon off;'];
    const child = spawn(this.binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    recordChild(child.pid);
    const keep = (d: Buffer) => (this.output = (this.output + d.toString()).slice(-20_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    // Without a listener a spawn failure would crash the lab; waitGeneration reports it.
    child.on('error', (err) => {
      this.spawnError = err;
      keep(Buffer.from(`spawn failed: ${err.message}\n`));
    });
    this.child = child;
    // A master that dies on its own leaves workers serving a frozen config:
    // they are still in its process group, so end them at once.
    child.once('exit', () => {
      if (!this.ending && this.confirmed) keep(Buffer.from(`master exited on its own (${child.signalCode ?? child.exitCode}): workers killed\n`));
      signalGroup(child.pid, 'SIGKILL');
    });
  }

  /** Polls /__lab/generation until it answers `generation` (any, when null); fails fast if nginx exits. */
  private async waitGeneration(generation: string | null, timeoutMs: number): Promise<void> {
    const child = this.child;
    if (!child || !this.running) throw new Error(`nginx is not running: ${this.lastErrors()}`);
    let onExit = () => {};
    const exited = new Promise<never>((_, reject) => {
      onExit = () => reject(new Error(`nginx exited (${child.exitCode ?? child.signalCode}): ${this.lastErrors()}`));
      child.once('exit', onExit);
      child.once('error', onExit);
    });
    let settled = false;
    const served = waitFor(
      `nginx on ${this.url} to serve generation ${generation ?? '(any)'}`,
      async () => {
        if (settled) return true; // nginx exited: stop polling
        const answer = await fetchGeneration(this.listen);
        return generation === null ? answer !== null : answer === generation;
      },
      { timeoutMs, intervalMs: 50 },
    );
    try {
      await Promise.race([served, exited]);
    } finally {
      settled = true;
      child.off('exit', onExit);
      child.off('error', onExit);
      served.catch(() => {});
      exited.catch(() => {});
    }
  }

  /**
   * Tests the (re-rendered) config, SIGHUPs the master and waits until nginx
   * answers the new generation. A different confPath is copied over the one
   * nginx was started with: the master can only re-read its own -c file.
   */
  async reload(confPath: string = this.confPath, generation?: number, timeoutMs = 15_000): Promise<void> {
    if (!this.running) throw new Error('nginx is not running');
    if (confPath !== this.confPath) copyFileSync(confPath, this.confPath);
    await testConfig(this.binary, this.runDir, this.confPath);
    const oldWorkers = this.workerPids();
    this.child?.kill('SIGHUP');
    const meta = readMeta(this.runDir);
    const expected = generation === undefined ? meta : { generation, instance: meta?.instance };
    await this.waitGeneration(expected ? generationTag(expected) : null, timeoutMs);
    // The master starts the new workers before it retires the old ones, which
    // may accept a connection or two in between: the reload is done when the
    // old workers are gone (bounded by worker_shutdown_timeout).
    await waitFor('the old nginx workers to exit', () => !oldWorkers.some((w) => this.workerPids().includes(w)), {
      timeoutMs,
    });
  }

  /** SIGQUIT (graceful: in-flight requests finish), SIGKILL after graceMs. */
  async stop(graceMs = 5_000): Promise<void> {
    this.ending = true;
    if (!this.running) return this.reapGroup();
    this.child?.kill('SIGQUIT');
    try {
      await waitFor('nginx to quit', () => !this.running, { timeoutMs: graceMs });
    } catch {
      // still there after the grace period: kill() below
    }
    await this.kill();
  }

  errorLog(): string {
    return readText(runPaths(this.runDir).errorLog) + (this.output ? `\n[nginx stderr]\n${this.output}` : '');
  }

  accessLog(): string {
    return readText(runPaths(this.runDir).accessLog);
  }

  /** The config files on disk now (main + strategy + snippets). */
  config(): string {
    const p = runPaths(this.runDir);
    const snippets = readdirSafe(p.includeDir).map((f) => join(p.includeDir, f));
    return [p.mainConf, p.strategyConf, ...snippets].map((f) => `# ---- ${f}\n${readText(f)}`).join('\n');
  }
}

function readMeta(runDir: string): RenderMeta | undefined {
  const text = readText(runPaths(runDir).meta);
  return text ? (JSON.parse(text) as RenderMeta) : undefined;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
