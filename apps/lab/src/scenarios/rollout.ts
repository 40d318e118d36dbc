// A drain-aware rolling restart: each replica in turn is drained (clients
// bound to it keep it, new ones go elsewhere), given up to `drainWaitMs` to
// go idle (no request served for `idleMs`, read from its own /stats), then
// stopped, started and undrained. Used by `lab rollout` and by the
// rollout-drain scenario, which measures carts lost against rollout time.
import { fetchStats } from '../client/replica-stats';
import { TopologyError } from '../topology/errors';
import type { ReplicaInfo, Topology } from '../topology/topology';

/** The longest drain wait per replica `lab rollout` accepts (10 minutes). */
export const MAX_DRAIN_WAIT_S = 600;
/** A replica that served nothing for this long has no session in flight. */
export const IDLE_MS = 1_000;
const POLL_MS = 100;

/** The changes a rollout makes; the scenario passes its nemesis so they land in the history. */
export interface RolloutActions {
  drain(name: string, on: boolean): Promise<unknown>;
  stop(name: string): Promise<unknown>;
  start(name: string): Promise<unknown>;
}

export interface RolloutOptions {
  drainWaitMs: number;
  idleMs?: number;
  actions?: RolloutActions;
}

export interface RolloutStep {
  replica: string;
  /** How the drain wait ended: the replica went idle, the wait ran out, or there was none (0). */
  ended: 'idle' | 'wait-ran-out' | 'no-wait';
  waitedMs: number;
  /** Requests the replica served while draining (its bound clients finishing). */
  servedWhileDraining: number;
  /** Stop + start + undrain. */
  restartMs: number;
}

export interface RolloutResult {
  steps: RolloutStep[];
  totalMs: number;
}

/** A rollout that stopped part way: what was done, and the state it left. */
export class RolloutError extends Error {
  constructor(
    message: string,
    readonly steps: RolloutStep[],
  ) {
    super(message);
    this.name = 'RolloutError';
  }
}

export function checkDrainWait(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_DRAIN_WAIT_S * 1000) {
    throw new TopologyError('invalid-argument', `the drain wait must be from 0 to ${MAX_DRAIN_WAIT_S} s, got ${ms / 1000} s`);
  }
  return ms;
}

/** Why a rollout cannot start on these replicas (a replica not running or taken out), or null. */
export function rolloutRefusal(replicas: readonly Pick<ReplicaInfo, 'name' | 'state' | 'markedDown' | 'draining'>[]): string | null {
  const bad = replicas.find((r) => r.state !== 'running' || r.markedDown || r.draining);
  if (!bad) return null;
  const why = bad.state !== 'running' ? `it is ${bad.state}` : bad.markedDown ? 'it is marked down' : 'it is already draining';
  return `cannot roll out: ${bad.name} is not serving normally (${why}); ${comeBack(bad)}`;
}

/** The operation that brings the replica back, by its one name (CLI command, API action, dashboard button). */
function comeBack(r: Pick<ReplicaInfo, 'name' | 'state' | 'markedDown'>): string {
  if (r.state === 'paused') return `bring it back first: resume ${r.name}`;
  if (r.state !== 'running') return `bring it back first: start ${r.name}`;
  if (r.markedDown) return `bring it back first: mark-up ${r.name}`;
  return `bring it back first: undrain ${r.name}`;
}

export async function rollout(topo: Topology, opts: RolloutOptions): Promise<RolloutResult> {
  const drainWaitMs = checkDrainWait(opts.drainWaitMs);
  const act: RolloutActions = opts.actions ?? { drain: (n, on) => topo.drain(n, on), stop: (n) => topo.stop(n), start: (n) => topo.start(n) };
  const first = (await topo.status()).replicas;
  const refusal = rolloutRefusal(first);
  if (refusal) throw new TopologyError('illegal-transition', refusal);
  const started = Date.now();
  const steps: RolloutStep[] = [];
  const done = () => (steps.length ? `rolled: ${steps.map((s) => s.replica).join(', ')}` : 'no replica was rolled');
  for (const { name } of first) {
    const now = await replicaNow(topo, name);
    if (now?.state !== 'running') throw new RolloutError(`rollout stopped before ${name}: it is ${now?.state ?? 'gone'}; ${done()}`, steps);
    await act.drain(name, true);
    const wait = await waitIdle(topo, name, drainWaitMs, opts.idleMs ?? IDLE_MS);
    if (wait.died) {
      await act.drain(name, false).catch(() => undefined);
      throw new RolloutError(`${name} died while draining (it is ${wait.died}); it was undrained and left ${wait.died}; ${done()}`, steps);
    }
    const restartFrom = Date.now();
    try {
      await act.stop(name);
      await act.start(name);
    } catch (err) {
      await act.drain(name, false).catch(() => undefined);
      const state = (await replicaNow(topo, name))?.state ?? 'gone';
      throw new RolloutError(`restarting ${name} failed (${(err as Error).message}); it is ${state} and undrained; ${done()}`, steps);
    }
    await act.drain(name, false);
    steps.push({ replica: name, ended: wait.ended, waitedMs: wait.waitedMs, servedWhileDraining: wait.served, restartMs: Date.now() - restartFrom });
  }
  return { steps, totalMs: Date.now() - started };
}

async function replicaNow(topo: Topology, name: string): Promise<ReplicaInfo | undefined> {
  return (await topo.status()).replicas.find((r) => r.name === name);
}

interface WaitResult {
  ended: RolloutStep['ended'];
  waitedMs: number;
  served: number;
  /** The replica's state when it stopped running on its own during the wait. */
  died?: string;
}

/**
 * Polls the replica's request counter until it stood still for `idleMs` or
 * `waitMs` ran out. No answer from /stats is not idleness (a frozen replica
 * may still hold sessions): the wait then runs out.
 */
async function waitIdle(topo: Topology, name: string, waitMs: number, idleMs: number): Promise<WaitResult> {
  const from = Date.now();
  if (waitMs === 0) return { ended: 'no-wait', waitedMs: 0, served: 0 };
  let first: number | undefined;
  let last: number | undefined;
  let stillSince = from;
  for (;;) {
    const r = await replicaNow(topo, name);
    if (!r || (r.state !== 'running' && r.state !== 'paused')) return { ended: 'wait-ran-out', waitedMs: Date.now() - from, served: 0, died: r?.state ?? 'gone' };
    const count = (await fetchStats(r, 500))?.requests_served;
    if (count !== undefined) {
      first ??= count;
      if (count !== last) stillSince = Date.now();
      last = count;
    } else stillSince = Date.now();
    const served = last !== undefined && first !== undefined ? last - first : 0;
    if (Date.now() - stillSince >= idleMs) return { ended: 'idle', waitedMs: Date.now() - from, served };
    if (Date.now() - from >= waitMs) return { ended: 'wait-ran-out', waitedMs: Date.now() - from, served };
    await new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(0, waitMs - (Date.now() - from)))));
  }
}
