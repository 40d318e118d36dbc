// Which replica operations make sense from which state, and how a refusal is
// worded: one table for every driver, so `kill app2` twice gets the same
// answer whatever runs the replicas.
import { BALANCER_OPS } from '../vocabulary';
import type { BalancerEngine, BalancerOp, BalancerState, RedisState, ReplicaState } from '../vocabulary';

export const REPLICA_OPS = ['stop', 'kill', 'pause', 'resume', 'start'] as const;
export type ReplicaOp = (typeof REPLICA_OPS)[number];

const FROM: Record<ReplicaOp, readonly ReplicaState[]> = {
  stop: ['running', 'paused', 'starting'],
  kill: ['running', 'paused', 'starting'],
  pause: ['running'],
  resume: ['paused'],
  start: ['stopped', 'killed'],
};

const TARGET: Record<ReplicaOp, ReplicaState> = {
  stop: 'stopped',
  kill: 'killed',
  pause: 'paused',
  resume: 'running',
  start: 'running',
};

const HINT: Record<ReplicaState, string> = {
  starting: 'wait until it is running',
  running: 'it is up',
  stopped: 'start it first',
  killed: 'start it first',
  paused: 'resume it first',
};

/** Why `op` cannot be applied to replica `name` in `state`, or null when it can. */
export function replicaOpRefusal(op: ReplicaOp, name: string, state: ReplicaState): string | null {
  if (FROM[op].includes(state)) return null;
  if (TARGET[op] === state) return `${name} is already ${state}`;
  return `cannot ${op} ${name}: it is ${state} (${HINT[state]})`;
}

/**
 * What a user may ask of a replica: the driver's operations, then the two
 * balancer marks, each with its own name. `mark-down` takes the replica out of
 * traffic entirely (nginx `server … down`, HAProxy `disabled`); `drain` is the
 * soft one (bound clients keep it, new clients go elsewhere, HAProxy `drain`).
 */
export const REPLICA_ACTIONS = [...REPLICA_OPS, 'mark-down', 'mark-up', 'drain', 'undrain'] as const;
export type ReplicaAction = (typeof REPLICA_ACTIONS)[number];

export function isReplicaAction(value: string): value is ReplicaAction {
  return (REPLICA_ACTIONS as readonly string[]).includes(value);
}

/** What the balancer marks of a replica say: enough to know who would take new clients. */
export interface ReplicaMarks {
  name: string;
  markedDown: boolean;
  draining?: boolean;
}

export interface ReplicaView extends ReplicaMarks {
  state: ReplicaState;
}

/**
 * Why `replica` cannot start draining, or null. A drain only means something
 * for a replica that serves and is not out of traffic already, and only while
 * another replica of `fleet` (every replica, itself included) takes new clients.
 */
export function drainRefusal(replica: ReplicaView, fleet: readonly ReplicaMarks[]): string | null {
  const { name, state } = replica;
  if (state !== 'running') return `cannot drain ${name}: it is ${state} (${HINT[state]}; no traffic at all instead: mark-down ${name})`;
  if (replica.markedDown) return `cannot drain ${name}: it is marked down (no traffic at all); bring it back first: mark-up ${name}`;
  if (replica.draining) return `${name} is already draining`;
  const takers = fleet.filter((r) => r.name !== name && !r.markedDown && !r.draining);
  return takers.length === 0 ? `cannot drain ${name}: no other replica would take new clients` : null;
}

/** Why `action` cannot be applied to `replica` of `fleet` now, or null when it can. */
export function replicaActionRefusal(action: ReplicaAction, replica: ReplicaView, fleet: readonly ReplicaMarks[]): string | null {
  const { name, markedDown } = replica;
  switch (action) {
    case 'mark-down':
      return markedDown ? `${name} is already marked down (it gets no traffic)` : null;
    case 'mark-up':
      return markedDown ? null : `${name} is not marked down; nothing to mark up`;
    case 'drain':
      return drainRefusal(replica, fleet);
    case 'undrain':
      return replica.draining ? null : `${name} is not draining; nothing to undrain`;
    default:
      return replicaOpRefusal(action, name, replica.state);
  }
}

/** The actions `replica` accepts now: the dashboard enables exactly these buttons. */
export function allowedActions(replica: ReplicaView, fleet: readonly ReplicaMarks[]): ReplicaAction[] {
  return REPLICA_ACTIONS.filter((action) => replicaActionRefusal(action, replica, fleet) === null);
}

export const REDIS_ACTIONS = ['pause', 'resume', 'restart', 'kill'] as const;
export type RedisAction = (typeof REDIS_ACTIONS)[number];

const REDIS_FROM: Record<RedisAction, readonly RedisState[]> = {
  pause: ['running'],
  resume: ['paused'],
  restart: ['running', 'paused', 'stopped'],
  kill: ['running'],
};

/** Why `action` cannot be applied to Redis in `state`, or null when it can. */
export function redisActionRefusal(action: RedisAction, state: RedisState): string | null {
  return REDIS_FROM[action].includes(state) ? null : `cannot ${action} redis: it is ${state}`;
}

export function allowedRedisActions(state: RedisState): RedisAction[] {
  return REDIS_ACTIONS.filter((action) => redisActionRefusal(action, state) === null);
}

/** The balancer's actions are its operations: a restart brings a dead one back, a reload needs it running. */
export const BALANCER_ACTIONS = BALANCER_OPS;

export function isBalancerAction(value: string): value is BalancerOp {
  return (BALANCER_OPS as readonly string[]).includes(value);
}

/** Why `op` cannot be applied to the balancer in `state`, or null when it can. */
export function balancerActionRefusal(op: BalancerOp, engine: BalancerEngine, state: BalancerState): string | null {
  if (op === 'reload' && state === 'dead') return `cannot reload ${engine}: it is dead (restart it instead)`;
  return null;
}

export function allowedBalancerActions(engine: BalancerEngine, state: BalancerState): BalancerOp[] {
  return BALANCER_OPS.filter((op) => balancerActionRefusal(op, engine, state) === null);
}
