import { ChildProcess, spawn } from 'node:child_process';
import { freePort } from '../util/free-port';
import { recordChild } from '../util/orphans';
import { trackPids } from '../util/reaper';
import { waitFor } from '../util/wait';

export interface ChildServerOptions {
  /** Absolute path of the built script to run with node. */
  script: string;
  env?: Record<string, string>;
  /** Path polled until it answers 2xx. */
  readyPath: string;
  nodeArgs?: string[];
  readyTimeoutMs?: number;
}

const live = new Set<ChildServer>();
let untrack: (() => void) | undefined;

/** A server under test in its own process, so it never shares a core's event loop with the load generator. */
export class ChildServer {
  private output = '';
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    const keep = (d: Buffer) => {
      this.output = (this.output + d.toString()).slice(-10_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static async start(opts: ChildServerOptions): Promise<ChildServer> {
    const port = await freePort();
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), opts.script], {
      env: { ...process.env, ...opts.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    recordChild(child.pid);
    // Whatever ends the bench (Ctrl-C while a group still starts servers, a crash) ends these too.
    untrack ??= trackPids(() => [...live].map((s) => s.pid));
    const server = new ChildServer(child, port);
    live.add(server);
    try {
      await waitFor(
        `${opts.script} ready on port ${port}`,
        async () => {
          if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${server.output.trim()}`);
          const res = await fetch(`${server.url}${opts.readyPath}`);
          return res.ok;
        },
        { timeoutMs: opts.readyTimeoutMs ?? 20_000, intervalMs: 25 },
      );
    } catch (err) {
      await server.stop();
      throw err;
    }
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  logs(): string {
    return this.output;
  }

  /**
   * SIGTERM and wait for the exit (a `--cpu-prof` profile is written only on
   * a normal exit); SIGKILL once `boundMs` passes. True when it exited by itself.
   */
  async stopGracefully(boundMs = 10_000): Promise<boolean> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode !== null;
    const exited = new Promise<boolean>((r) => this.child.once('exit', (code) => r(code !== null)));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), boundMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
      live.delete(this);
    }
  }

  async stop(): Promise<void> {
    live.delete(this);
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.kill('SIGKILL');
    await exited;
  }
}

/** Last-resort cleanup when the bench is interrupted: no server outlives it. */
export function killAllChildren(): void {
  for (const s of live) void s.stop();
}
