import { ChildProcess, spawn } from 'node:child_process';
import { excludeFromServerCpu } from '../cpu';
import { Pinning, pinnedCommand } from '../pinning';
import { recordChild } from '../../util/orphans';
import type { FromGenerator, SliceJob, SliceResult } from './protocol';

/** Longer than any slice: a generator that does not answer by then is stuck. */
const SLACK_MS = 30_000;

interface Pending {
  resolve: (r: SliceResult) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/** One generator process; jobs go over IPC, one answer per job. */
class GeneratorProcess {
  private readonly pending = new Map<number, Pending>();
  private exitNote = '';

  constructor(private readonly child: ChildProcess) {
    child.on('message', (msg: FromGenerator) => this.settle(msg));
    child.on('exit', (code, signal) => {
      this.exitNote = `generator process ${child.pid} exited (${signal ?? code})`;
      for (const [id, p] of this.pending) this.fail(id, p, new Error(this.exitNote));
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  run(job: SliceJob): Promise<SliceResult> {
    if (this.exitNote) return Promise.reject(new Error(this.exitNote));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(job.id, this.pending.get(job.id)!, new Error(`generator gave no answer within ${job.durationS * 1000 + SLACK_MS} ms`)), job.durationS * 1000 + SLACK_MS);
      this.pending.set(job.id, { resolve, reject, timer });
      this.child.send(job);
    });
  }

  private settle(msg: FromGenerator): void {
    const id = msg.type === 'done' ? msg.result.id : msg.id;
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    if (msg.type === 'done') p.resolve(msg.result);
    else p.reject(new Error(`generator: ${msg.message}`));
  }

  private fail(id: number, p: Pending, err: Error): void {
    this.pending.delete(id);
    clearTimeout(p.timer);
    p.reject(err);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.kill('SIGKILL');
    await exited;
  }
}

/**
 * The load generator: one process per generator core, each on the cores
 * `pinning` gives it. A slice's users are dealt out to the processes and
 * their answers merged.
 */
export class Generator {
  private nextId = 1;
  private constructor(private readonly procs: GeneratorProcess[]) {}

  static start(script: string, pinning: Pinning): Generator {
    const procs = Array.from({ length: pinning.generatorProcesses }, () => {
      const { file, args } = pinnedCommand(pinning, [process.execPath, script]);
      const child = spawn(file, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
      recordChild(child.pid);
      if (child.pid) excludeFromServerCpu(child.pid);
      return new GeneratorProcess(child);
    });
    return new Generator(procs);
  }

  /** Generator processes: each drives its users from one event loop, so at most one core each. */
  get processes(): number {
    return this.procs.length;
  }

  get pids(): number[] {
    return this.procs.map((p) => p.pid);
  }

  async run(job: Omit<SliceJob, 'id'>): Promise<SliceResult> {
    const shares = this.procs.map((_, i) => job.users.filter((_u, j) => j % this.procs.length === i));
    const used = this.procs.map((p, i) => ({ p, users: shares[i] })).filter((s) => s.users.length);
    const parts = await Promise.all(used.map((s) => s.p.run({ ...job, id: this.nextId++, users: s.users })));
    return merge(parts, job.users.length, used.length);
  }

  async stop(): Promise<void> {
    await Promise.all(this.procs.map((p) => p.stop()));
  }
}

/** Puts users back in job order: user j went to process j % n as its (j / n)-th user. */
function merge(parts: SliceResult[], userCount: number, n: number): SliceResult {
  const pick = <T>(get: (r: SliceResult) => T[]): T[] => Array.from({ length: userCount }, (_, j) => get(parts[j % n])[Math.floor(j / n)]);
  const errors: Record<string, number> = {};
  for (const r of parts) for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
  const latencies = new Float64Array(parts.reduce((a, r) => a + r.latenciesMs.length, 0));
  let at = 0;
  for (const r of parts) {
    latencies.set(r.latenciesMs, at);
    at += r.latenciesMs.length;
  }
  return {
    id: parts[0]?.id ?? 0,
    completed: parts.reduce((a, r) => a + r.completed, 0),
    errors,
    latenciesMs: latencies,
    wallS: Math.max(0, ...parts.map((r) => r.wallS)),
    cpuUs: parts.reduce((a, r) => a + r.cpuUs, 0),
    waitUs: parts.some((r) => r.waitUs === null) ? null : parts.reduce((a, r) => a + (r.waitUs ?? 0), 0),
    users: pick((r) => r.users),
    tallies: pick((r) => r.tallies),
  };
}
