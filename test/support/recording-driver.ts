// A Topology whose driver only records what the core asks of it, in order:
// specs of the core and of what sits on it (the nemesis) run the core's real
// rules (names, refusals, serialisation) without starting anything.
import type { BalancerOp, RedisState, ReplicaState } from '../../apps/lab/src/vocabulary';
import { BalancerEntry, RedisOp, StatusRest, TopologyCore } from '../../apps/lab/src/topology/core';
import type { ReplicaInfo, TopologyOptions } from '../../apps/lab/src/topology/topology';
import type { ReplicaOp } from '../../apps/lab/src/topology/transitions';

export class RecordingDriver extends TopologyCore {
  readonly driver = 'process' as const;
  readonly url = 'http://127.0.0.1:1';
  readonly calls: string[] = [];
  readonly states = new Map<string, ReplicaState>();
  active = 0;
  maxActive = 0;
  failBalancer = false;
  /** A balancer restart or reload that fails in the driver (the new process never served). */
  failBalancerOps = false;
  /** Replica operations that throw after they began (a signal sent, the wait timed out). */
  readonly breakOps = new Set<ReplicaOp>();

  constructor(opts: Partial<TopologyOptions> = {}) {
    super({ strategy: 'round-robin', store: 'memory', ...opts });
  }
  boot(n: number) {
    return this.bootReplicas(n);
  }
  private async step(what: string): Promise<void> {
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    this.calls.push(`${what}:begin`);
    await new Promise((r) => setTimeout(r, 5));
    this.calls.push(`${what}:end`);
    this.active -= 1;
  }
  protected async createReplica(name: string) {
    await this.step(`create ${name}`);
    this.states.set(name, 'running');
  }
  protected async replicaOp(name: string, op: ReplicaOp) {
    await this.step(`${op} ${name}`);
    if (this.breakOps.has(op)) throw new Error(`${name} did not ${op} in time`);
    const to: Record<ReplicaOp, ReplicaState> = { stop: 'stopped', kill: 'killed', pause: 'paused', resume: 'running', start: 'running' };
    this.states.set(name, to[op]);
  }
  protected async retireReplica(name: string, how: 'stop' | 'discard') {
    await this.step(`retire ${name} ${how}`);
  }
  protected replicaState(name: string) {
    return this.states.get(name)!;
  }
  protected replicaDetails(_name: string): Omit<ReplicaInfo, 'name' | 'state' | 'markedDown'> {
    return { url: 'http://127.0.0.1:1' };
  }
  protected async applyBalancer(entries: BalancerEntry[]) {
    await this.step(`balancer ${entries.map((e) => e.name + (e.down ? '(down)' : '') + (e.drain ? '(drain)' : '')).join(',')}`);
    if (this.failBalancer) throw new Error('nginx -t failed');
  }
  protected async balancerOp(op: BalancerOp) {
    await this.step(`balancer ${op}`);
    if (this.failBalancerOps) throw new Error(`${this.balancer} did not serve within 15 s`);
  }
  protected async redisOp(_op: RedisOp) {}
  protected redisState(): RedisState | undefined {
    return undefined;
  }
  protected async waitRouted(name: string) {
    await this.step(`routed ${name}`);
  }
  protected async teardown() {
    this.calls.push('teardown');
  }
  protected statusRest(): StatusRest {
    return { balancer: { engine: this.balancer, version: 'test', sticky: 'n/a' as const } };
  }
  async logs() {
    return {};
  }
  async balancerConfig() {
    return '';
  }
}
