import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, openSync } from 'node:fs';
import { waitFor } from '../util/wait';
import { recordChild } from '../util/orphans';
import { fetchGeneration, MasterProcess } from '../util/master-process';
import { readTextOrEmpty as readText, signalGroup } from '../util/process-group';
import { checkConfig, haproxyBinary } from './binary';
import { haproxyRunPaths } from './paths';
import type { HaproxyListen, HaproxyRenderMeta } from './render';
import { RuntimeApi } from './runtime-api';

export interface HaproxyStartOptions {
  runDir: string;
  /** Default: the config renderHaproxy wrote into runDir. */
  confPath?: string;
  binary?: string;
  startTimeoutMs?: number;
}

function readMeta(runDir: string): HaproxyRenderMeta {
  const text = readText(haproxyRunPaths(runDir).meta);
  if (!text) throw new Error(`${haproxyRunPaths(runDir).meta} missing: render with renderHaproxy() first`);
  return JSON.parse(text) as HaproxyRenderMeta;
}


/**
 * The machine's haproxy in master-worker mode (-W, foreground), in its own
 * process group so stop/kill never leave a worker behind. Its stdout (the
 * access log) and stderr go straight to files in the run dir: no pipe to
 * fill up, nothing lost when the lab's event loop is busy.
 */
export class HaproxyProcess extends MasterProcess {
  readonly api: RuntimeApi;

  private constructor(
    readonly runDir: string,
    readonly confPath: string,
    readonly binary: string,
    private meta: HaproxyRenderMeta,
  ) {
    super('haproxy');
    this.api = new RuntimeApi(haproxyRunPaths(runDir).socket);
  }

  static async start(o: HaproxyStartOptions): Promise<HaproxyProcess> {
    const meta = readMeta(o.runDir);
    const confPath = o.confPath ?? haproxyRunPaths(o.runDir).conf;
    const haproxy = new HaproxyProcess(o.runDir, confPath, o.binary ?? haproxyBinary(), meta);
    await checkConfig(haproxy.binary, confPath, meta.localPeer);
    haproxy.spawn();
    try {
      await haproxy.waitGeneration(String(meta.generation), o.startTimeoutMs ?? 15_000);
    } catch (err) {
      await haproxy.kill();
      throw err;
    }
    return haproxy;
  }

  get listen(): HaproxyListen {
    return this.meta.listen;
  }

  private spawn(): void {
    const p = haproxyRunPaths(this.runDir);
    const args = ['-W', '-db', '-f', this.confPath, ...(this.meta.localPeer ? ['-L', this.meta.localPeer] : [])];
    const out = openSync(p.accessLog, 'a');
    const err = openSync(p.errorLog, 'a');
    try {
      const child = spawn(this.binary, args, { stdio: ['ignore', out, err], detached: true });
      recordChild(child.pid);
      // Without a listener a spawn failure would crash the lab; waitGeneration reports it.
      child.on('error', (e) => (this.spawnError = e));
      // Workers of a master that died must not go on serving a frozen config
      // (nor keep the port): they are in its process group.
      child.once('exit', () => signalGroup(child.pid, 'SIGKILL'));
      this.child = child;
    } finally {
      closeSync(out);
      closeSync(err);
    }
  }

  /** Polls /__lab/generation until it answers `generation`; fails fast when haproxy exits. */
  private async waitGeneration(generation: string, timeoutMs: number): Promise<void> {
    // Exiting ends the wait at once (waitFor would retry a thrown error).
    const outcome = await waitFor(
      `haproxy on ${this.url} to serve generation ${generation}`,
      async () => {
        if (!this.running) return 'exited';
        return (await fetchGeneration(this.listen)) === generation && (await this.answersOwnSocket()) && 'served';
      },
      { timeoutMs, intervalMs: 50 },
    );
    if (outcome === 'exited') {
      const how = this.spawnError?.message ?? this.child?.exitCode ?? this.child?.signalCode;
      throw new Error(`haproxy exited (${how}): ${this.lastErrors()}`);
    }
  }

  /**
   * The generation alone can be answered by ANOTHER haproxy on the same port
   * (one still bound there, a bind that fails a moment later): the instance
   * is ours when our own runtime API socket names one of our workers.
   */
  private async answersOwnSocket(): Promise<boolean> {
    const info = await this.api.command('show info', 1_000).catch(() => '');
    const pid = Number(/^Pid: (\d+)$/m.exec(info)?.[1]);
    const workers = this.workerPids();
    return !!pid && (workers.length === 0 || workers.includes(pid));
  }

  /**
   * Checks the (re-rendered) config, sends SIGUSR2 to the master (which
   * re-reads it and starts new workers on the same sockets) and waits for
   * the new generation, then for the old workers to finish their in-flight
   * requests (bounded by hard-stop-after).
   */
  async reload(confPath: string = this.confPath, timeoutMs = 15_000): Promise<void> {
    if (!this.running) throw new Error('haproxy is not running');
    if (confPath !== this.confPath) copyFileSync(confPath, this.confPath);
    const meta = readMeta(this.runDir);
    await checkConfig(this.binary, this.confPath, meta.localPeer);
    const oldWorkers = this.workerPids();
    this.child?.kill('SIGUSR2');
    await this.waitGeneration(String(meta.generation), timeoutMs);
    this.meta = meta;
    await waitFor('the old haproxy workers to exit', () => !oldWorkers.some((w) => this.workerPids().includes(w)), { timeoutMs });
  }

  /** SIGUSR1 (soft stop: in-flight requests finish), SIGKILL after graceMs. */
  async stop(graceMs = 5_000): Promise<void> {
    this.ending = true;
    if (this.running) {
      this.child?.kill('SIGUSR1');
      await waitFor('haproxy to stop', () => !this.running, { timeoutMs: graceMs }).catch(() => undefined);
    }
    await this.kill();
  }

  /** What haproxy wrote to stderr: warnings, alerts, server state changes. */
  errorLog(): string {
    return readText(haproxyRunPaths(this.runDir).errorLog);
  }

  accessLog(): string {
    return readText(haproxyRunPaths(this.runDir).accessLog);
  }

  config(): string {
    return readText(this.confPath);
  }
}
