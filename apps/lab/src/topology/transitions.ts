// Which replica operations make sense from which state, and how a refusal is
// worded: one table for every driver, so `kill app2` twice gets the same
// answer whatever runs the replicas.
import type { ReplicaState } from '../vocabulary';

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
