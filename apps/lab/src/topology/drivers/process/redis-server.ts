// The machine's redis-server on a loopback port. Redis cannot report a port
// it picked, so the lab picks one, lets redis bind it and then verifies that
// the server answering is its own child (INFO's process_id), retrying with
// another port when the pick was lost to a race.
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { requireBinary } from '../../../util/find-binary';
import { freePort } from '../../../util/free-port';
import { recordChild } from '../../../util/orphans';
import { waitFor } from '../../../util/wait';
import type { RedisPersistence } from '../../../vocabulary';

/** Sends one inline command over a raw socket; the reply text, or '' when nothing answered within timeoutMs. */
export function redisCommand(port: number, command: string, host = '127.0.0.1', timeoutMs = 500, until = /\r\n$/): Promise<string> {
  return new Promise((resolve) => {
    const sock = createConnection({ port, host });
    let reply = '';
    const done = (text: string) => {
      sock.destroy();
      resolve(text);
    };
    sock.setTimeout(timeoutMs, () => done(''));
    sock.once('error', () => done(''));
    // A server may close without answering (Sentinel's failover ends with
    // CLIENT KILL on each node it reconfigures): a closed socket has no idle
    // timer left, so without this the caller would wait forever.
    sock.once('close', () => done(until.test(reply) ? reply : ''));
    sock.once('connect', () => sock.write(`${command}\r\n`));
    sock.on('data', (d) => {
      reply = (reply + d.toString()).slice(-16_000);
      if (until.test(reply)) done(reply);
    });
  });
}

/** True when redis answers +PONG within timeoutMs. */
export async function redisPing(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return (await redisCommand(port, 'PING', host, timeoutMs)).startsWith('+PONG');
}

export interface RedisServerOptions {
  /** A port the caller insists on (taken: start fails); default a free one, retried if lost to a race. */
  port?: number;
  /** `aof`: every write appended (fsync always) to `<dir>/appendonlydir`, so a restart keeps the data. */
  persistence?: RedisPersistence;
  /** Where the AOF lives (required for `aof`). */
  dir?: string;
  /** Starts as a replica of the loopback primary on this port. */
  replicaOf?: number;
  /** Runs a Sentinel from this config file (its own writable copy: Sentinel rewrites it). */
  sentinelConfig?: string;
  /** More `--name value` settings, e.g. min-replicas-to-write. */
  extraArgs?: string[];
}

const PORT_ATTEMPTS = 5;

/** redis-server as a child process; without persistence a restart loses every key, the failure the lab shows. */
export class RedisServer {
  private child?: ChildProcess;
  private output = '';
  /** Output of the current spawn only: an earlier attempt's bind error is not this one's. */
  private attempt = '';
  private constructor(
    public port: number,
    private readonly binary: string,
    readonly persistence: RedisPersistence,
    private readonly dir?: string,
    private readonly role: Pick<RedisServerOptions, 'replicaOf' | 'sentinelConfig' | 'extraArgs'> = {},
  ) {}

  /** Accepts a bare port for older callers. */
  static async start(opts: RedisServerOptions | number = {}): Promise<RedisServer> {
    const o = typeof opts === 'number' ? { port: opts } : opts;
    const persistence = o.persistence ?? 'none';
    if (persistence === 'aof' && !o.dir) throw new Error('redis persistence aof needs a directory for its file');
    if (o.dir) mkdirSync(o.dir, { recursive: true });
    const binary = requireBinary('redis-server', 'redis-server');
    const server = new RedisServer(o.port || (await freePort()), binary, persistence, o.dir, o);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await server.spawn();
        return server;
      } catch (err) {
        if (!server.lostPort() || o.port || attempt >= PORT_ATTEMPTS) throw err;
        server.port = await freePort();
      }
    }
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  logs(): string {
    return this.output;
  }

  private lostPort(): boolean {
    return /Address already in use/i.test(this.attempt);
  }

  private args(): string[] {
    const net = ['--port', String(this.port), '--bind', '127.0.0.1', '--daemonize', 'no', '--loglevel', 'warning'];
    const { sentinelConfig, replicaOf, extraArgs = [] } = this.role;
    if (sentinelConfig) return [sentinelConfig, '--sentinel', ...net];
    const base = [...net, '--save', '', ...(replicaOf ? ['--replicaof', '127.0.0.1', String(replicaOf)] : []), ...extraArgs];
    if (this.persistence === 'aof') return [...base, '--dir', this.dir!, '--appendonly', 'yes', '--appendfsync', 'always'];
    return [...base, '--appendonly', 'no', ...(this.dir ? ['--dir', this.dir] : [])];
  }

  private async spawn(): Promise<void> {
    const child = spawn(this.binary, this.args(), { stdio: ['ignore', 'pipe', 'pipe'] });
    recordChild(child.pid);
    this.child = child;
    this.attempt = '';
    const keep = (d: Buffer) => {
      this.output = (this.output + d.toString()).slice(-20_000);
      this.attempt = (this.attempt + d.toString()).slice(-4_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('error', (err) => keep(Buffer.from(`spawn failed: ${err.message}\n`)));
    // 'close' rather than 'exit': the bind error is in the output that follows.
    const exited = new Promise<never>((_, reject) => child.once('close', () => reject(new Error(`redis-server exited: ${this.exitReason()}`))));
    const up = waitFor(`redis-server (pid ${child.pid}) to answer on port ${this.port}`, () => !this.running || this.answersAsChild(child.pid!), {
      timeoutMs: 15_000,
    });
    try {
      await Promise.race([up, exited]);
      if (!this.running) await exited; // the poll ended because it exited: report why
    } catch (err) {
      await this.kill();
      throw err;
    } finally {
      up.catch(() => undefined);
      exited.catch(() => undefined);
    }
  }

  private exitReason(): string {
    return this.lostPort() ? `port ${this.port} is in use by another process` : this.output.trim();
  }

  /** True when the server on the port is this child: INFO names its process id. */
  private async answersAsChild(pid: number): Promise<boolean> {
    const info = await redisCommand(this.port, 'INFO server', '127.0.0.1', 500, /process_id:\d+\r\n/);
    const m = /process_id:(\d+)/.exec(info);
    if (m && Number(m[1]) !== pid) throw new Error(`port ${this.port} is answered by another redis (pid ${m[1]})`);
    return !!m;
  }

  /** SIGSTOP: connections stay open, nothing answers. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** SIGKILL and wait until it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGCONT');
    child.kill('SIGKILL');
    await exited;
  }

  /** Same port; the data survive only with `aof` (every write is already on disk). */
  async restart(): Promise<void> {
    await this.kill();
    await this.spawn();
  }

  async stop(): Promise<void> {
    await this.kill();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}

/** The AOF directory of a topology's run dir. */
export function redisDataDir(runDir: string): string {
  return join(runDir, 'redis');
}
