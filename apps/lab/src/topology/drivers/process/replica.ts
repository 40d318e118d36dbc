// One cart-api replica as a child process: `node dist/apps/cart-api/main.js`
// on the fixed address its name gives it (identity.ts): every start binds that
// same address (the balancer and the hash ring know the replica by it). Each
// start gets a fresh INSTANCE_ID, and readiness counts only an answer carrying
// it: a stranger on the address is never "ready".
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
  /** The replica's fixed address (identity.ts); every start binds it. */
  host: string;
  port: number;
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
  /** Set once this start printed its handshake line: it has bound its address. */
  private listening = false;

  constructor(readonly spec: ReplicaSpec) {}

  get name(): string {
    return this.spec.name;
  }

  get port(): number {
    return this.spec.port;
  }

  get host(): string {
    return this.spec.host;
  }

  get url(): string {
    return `http://${this.spec.host}:${this.spec.port}`;
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
    if (!this.listening) return false; // no handshake line yet
    const res = await httpJson(`${this.url}/health/ready`);
    if (res.status === 200 && (res.body as { instance?: unknown } | undefined)?.instance === this.token) return true;
    if (res.status === 200) throw new Error(`${this.spec.host}:${this.spec.port} answered ready for another process`);
    return false;
  }

  private spawn(): ChildProcess {
    this.starts += 1;
    this.ending = false;
    this.stdoutLine = '';
    this.listening = false;
    const env = {
      ...inheritedEnv(), ...this.spec.env,
      PORT: String(this.spec.port), HOST: this.spec.host, APP_NAME: this.name, INSTANCE_ID: this.token,
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
    this.note(`start #${this.starts}: pid ${child.pid}, address ${this.spec.host}:${this.spec.port}`);
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
    if (this.listening) return;
    this.stdoutLine = (this.stdoutLine + text).slice(-LINE_LIMIT);
    const lines = this.stdoutLine.split('\n');
    this.stdoutLine = lines.pop() ?? '';
    for (const line of lines) {
      if (handshakePort(line, this.token) === this.spec.port) this.listening = true;
    }
  }

  private bindHint(): string {
    const thisStart = this.output.slice(this.output.lastIndexOf(`start #${this.starts}:`));
    if (!/EADDRINUSE/.test(thisStart)) return '';
    return `: ${this.spec.host}:${this.spec.port} is taken by another process (a replica left over from a lab that died?), so it cannot start on its fixed address`;
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
