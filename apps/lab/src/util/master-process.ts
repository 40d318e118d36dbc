// A server's master process as the lab's child, leader of its own process
// group (master and workers): what nginx and HAProxy share once spawned, so
// "running", "dead" and "gone for good" mean the same for both. Spawning,
// confirming a generation, reloading and the graceful stop stay each engine's.
import type { ChildProcess } from 'node:child_process';
import { fetchGenerationAt } from './http';
import { childPids } from './proc';
import { killGroup } from './process-group';

export interface ListenAddress {
  host: string;
  port: number;
}

/** Where a client reaches a listen address: a wildcard is reached on loopback. */
export function reachableHost(host: string): string {
  return host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
}

/** Body of the balancer's GET /__lab/generation, or null when nothing answers (yet). */
export function fetchGeneration({ host, port }: ListenAddress, timeoutMs = 1000): Promise<string | null> {
  return fetchGenerationAt(reachableHost(host), port, timeoutMs);
}

export abstract class MasterProcess implements AsyncDisposable {
  protected child?: ChildProcess;
  protected spawnError?: Error;
  /** Set before the lab itself ends the master; a master exit without it is a death. */
  protected ending = false;

  /** `what`: the engine, as timeouts name it. */
  protected constructor(private readonly what: string) {}

  abstract readonly listen: ListenAddress;
  abstract errorLog(): string;
  /** Graceful stop with the engine's own signal, SIGKILL after graceMs. */
  abstract stop(graceMs?: number): Promise<void>;

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && !this.spawnError && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The master ended without the lab asking (crash, kill -9 from outside). */
  get dead(): boolean {
    return !!this.child && !this.ending && !this.running;
  }

  get url(): string {
    const host = reachableHost(this.listen.host);
    return `http://${host.includes(':') ? `[${host}]` : host}:${this.listen.port}`;
  }

  /** The error log's last lines, for an error message. */
  lastErrors(): string {
    return this.errorLog().trim().split('\n').slice(-4).join(' | ');
  }

  /** Worker pids (Linux /proc; empty elsewhere, where the generation check alone applies). */
  workerPids(): number[] {
    const pid = this.child?.pid;
    return pid ? childPids(pid) : [];
  }

  /** SIGKILL to the whole process group (master and workers), until it is empty. */
  async kill(): Promise<void> {
    this.ending = true;
    await this.reapGroup();
  }

  protected reapGroup(): Promise<void> {
    return killGroup(this.what, this.child?.pid, () => this.running);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
