import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../apps/lab/src/util/free-port';
import { trackPids } from '../../../apps/lab/src/util/reaper';
import { HaproxyProcess, HaproxyRenderOptions, HaproxyStrategy, renderHaproxy } from '../../../apps/lab/src/haproxy';
import { Backends } from './backends';
import { many, probe, ProbeOptions, ProbeResponse, Tally } from '../../support/probe';
import { balancerEvidence, withEvidence } from '../../support/evidence';

type Tunables = Partial<Pick<HaproxyRenderOptions, 'checkInter' | 'serverTimeout' | 'stickExpire' | 'balanceFactor' | 'peers'>>;

export interface HaproxyLabOptions extends Tunables {
  strategy: HaproxyStrategy;
  /** Backend names to start, default app1..app3 (ignored when `backends` is given). */
  replicas?: string[];
  /** Backends shared with another instance; then this lab does not close them. */
  backends?: Backends;
  /** Port to listen on (default: a free one). */
  port?: number;
  /** List the servers in reverse order (ids stay tied to names). */
  reversed?: boolean;
}

interface Layout {
  down: string[];
  drain: string[];
  only?: string[];
}

// Server state changes are [ALERT]s in HAProxy's log ("has no server
// available!"); what a test must never see is any other alert.
const EXPECTED_ALERT = /is DOWN|has no server available|is going DOWN/;

/**
 * A started haproxy (machine binary, private run dir) in front of small
 * backends: the fixture of the test/haproxy suites. `close()` fails on an
 * unexpected [ALERT]; `check()` appends the config and logs to a failure.
 */
export class HaproxyLab implements AsyncDisposable {
  private generation = 1;
  private layout: Layout = { down: [], drain: [] };
  /** haproxy runs in its own process group: a test process that dies must still take it along. */
  private readonly untrack: () => void;
  private constructor(
    readonly options: HaproxyLabOptions,
    readonly runDir: string,
    readonly backends: Backends,
    private readonly ownsBackends: boolean,
    readonly haproxy: HaproxyProcess,
  ) {
    this.untrack = trackPids(() => [haproxy.pid, ...haproxy.workerPids()], runDir);
  }

  static async start(options: HaproxyLabOptions): Promise<HaproxyLab> {
    const runDir = await mkdtemp(join(tmpdir(), `lab-haproxy-${options.strategy}-`));
    const owns = !options.backends;
    const backends = options.backends ?? (await Backends.start(options.replicas ?? ['app1', 'app2', 'app3']));
    try {
      const listen = { host: '127.0.0.1', port: options.port ?? (await freePort()) };
      const replicas = backends.replicas();
      await renderHaproxy({ ...options, replicas: options.reversed ? replicas.reverse() : replicas, listen, runDir, generation: 1 });
      const haproxy = await HaproxyProcess.start({ runDir });
      return new HaproxyLab(options, runDir, backends, owns, haproxy);
    } catch (err) {
      if (owns) await backends.close();
      await rm(runDir, { recursive: true, force: true });
      throw err;
    }
  }

  get url(): string {
    return this.haproxy.url;
  }

  get api() {
    return this.haproxy.api;
  }

  get(path = '/', o?: ProbeOptions): Promise<ProbeResponse> {
    return probe(this.url + path, o);
  }

  many(count: number, path = '/', o?: ProbeOptions): Promise<Tally> {
    return many(this.url + path, count, o);
  }

  /** Re-renders with the given changes and reloads, waiting for the new generation. */
  async reconfigure(change: Partial<Layout> & { add?: string[] }): Promise<void> {
    this.layout = { ...this.layout, ...change };
    for (const name of change.add ?? []) await this.backends.start(name);
    this.generation += 1;
    const replicas = this.backends.replicas(this.layout);
    await renderHaproxy({
      ...this.options,
      replicas: this.options.reversed ? replicas.reverse() : replicas,
      listen: this.haproxy.listen,
      runDir: this.runDir,
      generation: this.generation,
    });
    await this.haproxy.reload();
  }

  evidence(): string {
    return balancerEvidence({
      name: 'haproxy',
      runDir: this.runDir,
      config: this.haproxy.config(),
      errorLog: this.haproxy.errorLog(),
      accessLog: this.haproxy.accessLog(),
    });
  }

  /** Runs `fn`; on failure rethrows with the evidence appended. */
  check<T>(fn: () => Promise<T>): Promise<T> {
    return withEvidence(fn, () => this.evidence());
  }

  unexpectedAlerts(): string[] {
    return this.haproxy
      .errorLog()
      .split('\n')
      .filter((l) => /\[ALERT\]/.test(l) && !EXPECTED_ALERT.test(l));
  }

  /** Stops everything; throws when haproxy logged an unexpected [ALERT]. */
  async close(): Promise<void> {
    await this.haproxy.stop();
    this.untrack();
    if (this.ownsBackends) await this.backends.close();
    const bad = this.unexpectedAlerts();
    const evidence = bad.length ? this.evidence() : '';
    await rm(this.runDir, { recursive: true, force: true });
    if (bad.length) throw new Error(`haproxy logged ${bad.length} [ALERT] line(s):\n${bad.join('\n')}\n\n${evidence}`);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
