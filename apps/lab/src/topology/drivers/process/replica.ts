// One cart-api replica as a child process: `node dist/apps/cart-api/main.js`.
// Its first start binds port 0 and reports the port it got on stdout; every
// later start asks for that same port (nginx and the hash ring know the
// replica by its address). Each start gets a fresh INSTANCE_ID, and readiness
// counts only an answer carrying it: a stranger on the port is never "ready".
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, WriteStream } from 'node:fs';
import { CART_API_ENV_KEYS } from '../../../../../../libs/env-keys';
import { httpJson } from '../../../util/http';
import { schedState } from '../../../util/proc';
import { recordChild } from '../../../util/orphans';
import { waitFor } from '../../../util/wait';
import type { ReplicaState } from '../../../vocabulary';

export interface ReplicaSpec {
  name: string;
  /** Absolute path of the built cart-api entry. */
  entry: string;
  /** Complete cart-api configuration (PORT/HOST/APP_NAME/INSTANCE_ID are set here). */
  env: Record<string, string>;
  logFile: string;
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
}

const LOG_LIMIT = 64_000;
/** A stdout line longer than this is not the handshake; stop buffering it. */
const LINE_LIMIT = 4_096;

export class ReplicaProcess {
  private current: ReplicaState = 'stopped';
  private child?: ChildProcess;
  private exited?: Promise<void>;
  /** Set while the lab itself ends the process, so its exit is not taken for a death. */
  private ending = false;
  private output = '';
  private stdoutLine = '';
  private file?: WriteStream;
  private starts = 0;
  private token = '';
  private boundPort?: number;

  constructor(readonly spec: ReplicaSpec) {}

  get name(): string {
    return this.spec.name;
  }

  /** The port the first start got from the kernel; undefined before that. */
  get port(): number | undefined {
    return this.boundPort;
  }

  get url(): string {
    return `http://127.0.0.1:${this.boundPort ?? 0}`;
  }

  /** Follows the process: a child that died on its own is `killed` (signal) or `stopped` (exit code). */
  get state(): ReplicaState {
    return this.current;
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

  /** Spawns the process and resolves when /health/ready answers 200 with this start's INSTANCE_ID. */
  async start(): Promise<void> {
    if (this.alive) throw new Error(`${this.name} is already running (pid ${this.child?.pid})`);
    this.current = 'starting';
    this.token = randomBytes(9).toString('base64url');
    const child = this.spawn();
    const died = this.exited!.then(() => {
      throw new Error(`${this.name} exited (${describeExit(child)}) before it was ready${this.bindHint()}:\n${this.tail()}`);
    });
    const ready = waitFor(`${this.name} (pid ${child.pid}) to answer ready on its own port`, () => this.answersReady(), {
      timeoutMs: this.spec.readyTimeoutMs ?? 30_000,
      intervalMs: 100,
    });
    try {
      await Promise.race([ready, died]);
      this.current = 'running';
    } catch (err) {
      await this.kill();
      this.current = 'stopped';
      throw err instanceof Error && !/exited/.test(err.message) ? new Error(`${err.message}\n${this.tail()}`) : err;
    } finally {
      died.catch(() => undefined);
      ready.catch(() => undefined);
    }
  }

  /** SIGTERM (after SIGCONT, a stopped process cannot handle it), SIGKILL if it outlives the bound. */
  async stop(): Promise<void> {
    if (this.alive) {
      this.ending = true;
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
    this.current = 'stopped';
  }

  async kill(): Promise<void> {
    if (this.alive) {
      this.ending = true;
      this.signal('SIGKILL');
      await this.exited;
    }
    this.current = 'killed';
  }

  /** SIGSTOP; resolves once the kernel reports the process stopped (delivery is asynchronous). */
  async pause(): Promise<void> {
    this.requireAlive('pause');
    this.signal('SIGSTOP');
    await this.waitSchedState((s) => s === 'T', 'stopped');
    this.current = 'paused';
  }

  async resume(): Promise<void> {
    this.requireAlive('resume');
    this.signal('SIGCONT');
    await this.waitSchedState((s) => s !== 'T', 'running again');
    this.current = 'running';
  }

  /** Closes the log file; the process must already be gone. */
  close(): void {
    this.file?.end();
    this.file = undefined;
  }

  private async answersReady(): Promise<boolean> {
    if (this.boundPort === undefined) return false; // no handshake line yet
    const res = await httpJson(`${this.url}/health/ready`);
    if (res.status === 200 && (res.body as { instance?: unknown } | undefined)?.instance === this.token) return true;
    if (res.status === 200) throw new Error(`port ${this.boundPort} answered ready for another process`);
    return false;
  }

  private spawn(): ChildProcess {
    this.starts += 1;
    this.ending = false;
    this.stdoutLine = '';
    const env = {
      ...inheritedEnv(), ...this.spec.env,
      PORT: String(this.boundPort ?? 0), HOST: '127.0.0.1', APP_NAME: this.name, INSTANCE_ID: this.token,
    };
    const child = spawn(process.execPath, [this.spec.entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    recordChild(child.pid);
    this.child = child;
    // Settles after the exit AND the last output (stdio closed, bounded), so
    // the log is complete and ends with the exit line when stop/kill resolve.
    const closed = new Promise<void>((r) => child.once('close', () => r()));
    this.exited = new Promise<void>((r) => child.once('exit', () => r()))
      .then(() => Promise.race([closed, new Promise<void>((r) => setTimeout(r, 1_000).unref())]))
      .then(() => this.onExit(child));
    if (!this.file) {
      this.file = createWriteStream(this.spec.logFile, { flags: 'a' });
      // A log file that cannot be written must not take the lab down; the ring buffer still has it all.
      this.file.on('error', () => (this.file = undefined));
    }
    this.note(`start #${this.starts}: pid ${child.pid}, port ${this.boundPort ?? '0 (the kernel picks)'}`);
    child.stdout?.on('data', (d: Buffer) => this.onStdout(d.toString()));
    child.stderr?.on('data', (d: Buffer) => this.append(d.toString()));
    child.on('error', (err) => this.note(`process error: ${err.message}`));
    return child;
  }

  private onExit(child: ChildProcess): void {
    this.note(`exited: ${describeExit(child)}`);
    if (this.child !== child || this.ending || this.current === 'starting') return;
    // Nobody here asked it to end (crash, OOM killer, kill -9 from outside).
    this.current = child.signalCode ? 'killed' : 'stopped';
    this.note(`died on its own: now ${this.current}`);
  }

  /** Watches stdout for the handshake line; only this start's token counts. */
  private onStdout(text: string): void {
    this.append(text);
    if (this.boundPort !== undefined) return; // later starts reuse the first port
    this.stdoutLine = (this.stdoutLine + text).slice(-LINE_LIMIT);
    const lines = this.stdoutLine.split('\n');
    this.stdoutLine = lines.pop() ?? '';
    for (const line of lines) {
      const port = handshakePort(line, this.token);
      if (port !== undefined) this.boundPort ??= port;
    }
  }

  private bindHint(): string {
    const thisStart = this.output.slice(this.output.lastIndexOf(`start #${this.starts}:`));
    if (!/EADDRINUSE/.test(thisStart)) return '';
    return `: port ${this.boundPort} is taken by another process, so it cannot come back on its address`;
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
    if (!this.alive) throw new Error(`cannot ${what} ${this.name}: it is ${this.current}`);
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

/** The port in cart-api's `{"listening":{…}}` line when it carries `token`; undefined for any other line. */
export function handshakePort(line: string, token: string): number | undefined {
  if (!line.startsWith('{"listening"')) return undefined;
  try {
    const { listening } = JSON.parse(line) as { listening?: { port?: unknown; instance?: unknown } };
    const port = listening?.port;
    if (listening?.instance !== token || typeof port !== 'number' || !Number.isInteger(port)) return undefined;
    return port > 0 && port < 65536 ? port : undefined;
  } catch {
    return undefined;
  }
}

function inheritedEnv(): Record<string, string | undefined> {
  const env = { ...process.env };
  // Configuration the replica must get from the lab only, never from the shell
  // that happened to start it.
  for (const key of CART_API_ENV_KEYS) delete env[key];
  return env;
}

function describeExit(child: ChildProcess): string {
  return child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`;
}
