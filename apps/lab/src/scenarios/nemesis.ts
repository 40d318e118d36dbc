// Jepsen's nemesis: every fault a scenario injects goes through here and is
// recorded in the same history as the clients' requests, with when it ran
// and how it ended, so checkers, evidence and the report's timeline see it.
import { FaultEntry, FaultKind, now, Operation } from '../client/history';
import { TopologyError } from '../topology/errors';
import type { Topology } from '../topology/topology';

export class Nemesis {
  constructor(
    private readonly topo: Topology,
    /** A run's History, or any other sink of operations (the dashboard's live timeline). */
    private readonly history: { record(op: Operation): void },
  ) {}

  kill(name: string): Promise<FaultEntry> {
    return this.act('kill', name, () => this.topo.kill(name));
  }

  stop(name: string): Promise<FaultEntry> {
    return this.act('stop', name, () => this.topo.stop(name));
  }

  pause(name: string): Promise<FaultEntry> {
    return this.act('pause', name, () => this.topo.pause(name));
  }

  resume(name: string): Promise<FaultEntry> {
    return this.act('resume', name, () => this.topo.resume(name));
  }

  start(name: string): Promise<FaultEntry> {
    return this.act('start', name, () => this.topo.start(name));
  }

  /** The new replica's name is the entry's `target` (and `value`). */
  async addReplica(): Promise<FaultEntry> {
    const entry = await this.act('add-replica', this.topo.balancer, () => this.topo.addReplica());
    entry.target = String(entry.value);
    return entry;
  }

  removeReplica(name: string): Promise<FaultEntry> {
    return this.act('remove-replica', name, () => this.topo.removeReplica(name));
  }

  scale(n: number): Promise<FaultEntry> {
    return this.act('scale', this.topo.balancer, async () => (await this.topo.scale(n), n));
  }

  /** Out of traffic entirely (`mark-down`: nginx `server … down`, HAProxy `disabled`) or back (`mark-up`). */
  markDown(name: string, down: boolean): Promise<FaultEntry> {
    return this.act(down ? 'mark-down' : 'mark-up', name, () => this.topo.markDown(name, down));
  }

  /** The soft drain (bound clients keep it, new ones go elsewhere), or undrain: a history tells it from a mark-down. */
  drain(name: string, on: boolean): Promise<FaultEntry> {
    return this.act(on ? 'drain' : 'undrain', name, () => this.topo.drain(name, on));
  }

  redisPause(): Promise<FaultEntry> {
    return this.act('redis-pause', 'redis', () => this.topo.redisPause());
  }

  redisResume(): Promise<FaultEntry> {
    return this.act('redis-resume', 'redis', () => this.topo.redisResume());
  }

  /** Under Sentinel the current primary. */
  redisKill(): Promise<FaultEntry> {
    return this.act('redis-kill', 'redis', () => this.topo.redisKill());
  }

  redisRestart(): Promise<FaultEntry> {
    return this.act('redis-restart', 'redis', () => this.topo.redisRestart());
  }

  /** Ends the balancer and starts a new one on the same address: what it learned in memory is gone. */
  restartBalancer(): Promise<FaultEntry> {
    return this.act('balancer-restart', this.topo.balancer, () => this.topo.restartBalancer());
  }

  /** Graceful reload with the same config. */
  reloadBalancer(): Promise<FaultEntry> {
    return this.act('balancer-reload', this.topo.balancer, () => this.topo.reloadBalancer());
  }

  /**
   * SIGKILL to a balancer the scenario started itself (a second instance in
   * front of the same replicas); `name` tells the instances apart in the history.
   */
  killBalancer(name: string, balancer: { kill(): Promise<void> }): Promise<FaultEntry> {
    return this.act('balancer-kill', name, () => balancer.kill());
  }

  /**
   * Runs one fault and records it. A fault that threw may have half
   * happened (a signal sent, the wait for the exit timed out): `unknown`;
   * a TopologyError is the topology refusing before it touched anything: `fail`.
   * Either way the error goes on to the scenario.
   */
  private async act(fault: FaultKind, target: string, run: () => Promise<unknown>): Promise<FaultEntry> {
    const entry: FaultEntry = { type: 'fault', fault, target, outcome: 'unknown', startedAt: now(), endedAt: 0 };
    try {
      const value = await run();
      if (typeof value === 'string' || typeof value === 'number') entry.value = value;
      entry.outcome = 'ok';
      return entry;
    } catch (err) {
      entry.error = (err as Error).message;
      entry.outcome = err instanceof TopologyError ? 'fail' : 'unknown';
      throw err;
    } finally {
      entry.endedAt = now();
      this.history.record(entry);
    }
  }
}
