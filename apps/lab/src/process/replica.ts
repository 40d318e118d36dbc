// One cart-api replica as a child process: `node dist/apps/cart-api/main.js`
// on a fixed loopback port, its output kept in a ring buffer and a log file.
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync, WriteStream } from 'node:fs';
import type { ReplicaState } from '../topology/topology';
import { httpStatus } from './replica-health';
import { waitFor } from './wait';

export interface ReplicaSpec {
  name: string;
  port: number;
  /** Absolute path of the built cart-api entry. */
  entry: string;
  /** Complete cart-api configuration (PORT/HOST/APP_NAME are set from the spec). */
  env: Record<string, string>;
  logFile: string;
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
}

// Configuration the replica must get from the lab only, never from the shell
// that happened to start it.
const CART_API_KEYS = [
  'PORT', 'HOST', 'APP_NAME', 'SESSION_STORE', 'REDIS_URL', 'SESSION_SECRET',
  'SESSION_TTL_SECONDS', 'COOKIE_SECURE', 'TRUST_PROXY', 'LOG_LEVEL',
];
const LOG_LIMIT = 64_000;

export class ReplicaProcess {
  state: ReplicaState = 'stopped';
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private output = '';
  private file?: WriteStream;
  private starts = 0;

  constructor(readonly spec: ReplicaSpec) {}

  get name(): string {
    return this.spec.name;
  }

  get url(): string {
    return `http://127.0.0.1:${this.spec.port}`;
  }

  get pid(): number | undefined {
    return this.alive ? this.child?.pid : undefined;
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  logs(): string {
    return this.output;
  }

  /** Spawns the process and resolves when /health/ready answers 200. */
  async start(): Promise<void> {
    if (this.alive) throw new Error(`${this.name} is already running (pid ${this.child?.pid})`);
    this.state = 'starting';
    const child = this.spawn();
    const died = this.exited!.then(() => {
      throw new Error(`${this.name} exited (${describeExit(child)}) before it was ready:\n${this.tail()}`);
    });
    const ready = waitFor(`${this.name} ready on ${this.url}`, async () => (await httpStatus(`${this.url}/health/ready`)) === 200, {
      timeoutMs: this.spec.readyTimeoutMs ?? 30_000,
      intervalMs: 100,
    });
    try {
      await Promise.race([ready, died]);
      this.state = 'running';
    } catch (err) {
      await this.kill();
      this.state = 'stopped';
      throw err instanceof Error && !/exited/.test(err.message) ? new Error(`${err.message}\n${this.tail()}`) : err;
    } finally {
      died.catch(() => undefined);
      ready.catch(() => undefined);
    }
  }

  /** SIGTERM (after SIGCONT, a stopped process cannot handle it), SIGKILL if it outlives the bound. */
  async stop(): Promise<void> {
    if (this.alive) {
      this.signal('SIGCONT');
      this.signal('SIGTERM');
      const timeout = this.spec.stopTimeoutMs ?? 10_000;
      const timer = new Promise<'late'>((r) => setTimeout(r, timeout, 'late').unref());
      if ((await Promise.race([this.exited!, timer])) === 'late') {
        this.note(`did not exit within ${timeout} ms of SIGTERM: SIGKILL`);
        this.signal('SIGKILL');
        await this.exited;
      }
    }
    this.state = 'stopped';
  }

  async kill(): Promise<void> {
    if (this.alive) {
      this.signal('SIGKILL');
      await this.exited;
    }
    this.state = 'killed';
  }

  /** SIGSTOP; resolves once the kernel reports the process stopped (delivery is asynchronous). */
  async pause(): Promise<void> {
    this.requireAlive('pause');
    this.signal('SIGSTOP');
    await this.waitSchedState((s) => s === 'T', 'stopped');
    this.state = 'paused';
  }

  async resume(): Promise<void> {
    this.requireAlive('resume');
    this.signal('SIGCONT');
    await this.waitSchedState((s) => s !== 'T', 'running again');
    this.state = 'running';
  }

  /** Closes the log file; the process must already be gone. */
  close(): void {
    this.file?.end();
    this.file = undefined;
  }

  private spawn(): ChildProcess {
    this.starts += 1;
    const env = { ...inheritedEnv(), ...this.spec.env, PORT: String(this.spec.port), HOST: '127.0.0.1', APP_NAME: this.name };
    const child = spawn(process.execPath, [this.spec.entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    // Settles after the exit AND the last output (stdio closed, bounded), so
    // the log is complete and ends with the exit line when stop/kill resolve.
    const closed = new Promise<void>((r) => child.once('close', () => r()));
    this.exited = new Promise<void>((r) => child.once('exit', () => r()))
      .then(() => Promise.race([closed, new Promise<void>((r) => setTimeout(r, 1_000).unref())]))
      .then(() => this.note(`exited: ${describeExit(child)}`));
    if (!this.file) {
      this.file = createWriteStream(this.spec.logFile, { flags: 'a' });
      // A log file that cannot be written must not take the lab down; the ring buffer still has it all.
      this.file.on('error', () => (this.file = undefined));
    }
    this.note(`start #${this.starts}: pid ${child.pid}, port ${this.spec.port}`);
    child.stdout?.on('data', (d: Buffer) => this.append(d.toString()));
    child.stderr?.on('data', (d: Buffer) => this.append(d.toString()));
    child.on('error', (err) => this.note(`process error: ${err.message}`));
    return child;
  }

  private signal(sig: NodeJS.Signals): void {
    try {
      this.child?.kill(sig);
    } catch {
      // exited between the check and the signal
    }
  }

  private async waitSchedState(ok: (state: string) => boolean, what: string): Promise<void> {
    const pid = this.child?.pid;
    if (!pid || schedState(pid) === undefined) return; // no /proc: nothing to confirm with
    await waitFor(`${this.name} (pid ${pid}) to be ${what}`, () => !this.alive || ok(schedState(pid) ?? ''), { timeoutMs: 5_000, intervalMs: 10 });
  }

  private requireAlive(what: string): void {
    if (!this.alive) throw new Error(`cannot ${what} ${this.name}: it is ${this.state}`);
  }

  private note(line: string): void {
    this.append(`--- lab: ${this.name} ${line} (${new Date().toISOString()})\n`);
  }

  private append(text: string): void {
    this.output = (this.output + text).slice(-LOG_LIMIT);
    this.file?.write(text);
  }

  private tail(lines = 20): string {
    return this.output.trimEnd().split('\n').slice(-lines).join('\n');
  }
}

function inheritedEnv(): Record<string, string | undefined> {
  const env = { ...process.env };
  for (const key of CART_API_KEYS) delete env[key];
  return env;
}

/** Scheduler state letter from /proc (R, S, T = stopped, …), undefined without /proc. */
function schedState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0];
  } catch {
    return undefined;
  }
}

function describeExit(child: ChildProcess): string {
  return child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`;
}
