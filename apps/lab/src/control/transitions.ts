import type { ReplicaInfo, ReplicaState } from '../topology/topology';

export const REPLICA_ACTIONS = ['stop', 'kill', 'pause', 'resume', 'start', 'drain', 'undrain'] as const;
export type ReplicaAction = (typeof REPLICA_ACTIONS)[number];

export function isReplicaAction(value: string): value is ReplicaAction {
  return (REPLICA_ACTIONS as readonly string[]).includes(value);
}

// Which states each signal makes sense from. Checked before calling the
// driver so that `kill app2` twice answers 409 with a reason instead of a
// driver-specific error (or a silent no-op that would mislead the user).
const FROM: Record<Exclude<ReplicaAction, 'drain' | 'undrain'>, readonly ReplicaState[]> = {
  stop: ['running', 'paused', 'starting'],
  kill: ['running', 'paused', 'starting'],
  pause: ['running'],
  resume: ['paused'],
  start: ['stopped', 'killed'],
};

const TARGET: Record<keyof typeof FROM, ReplicaState> = {
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

/** Why `action` cannot be applied to `replica` now, or null when it can. */
export function refusal(action: ReplicaAction, replica: ReplicaInfo): string | null {
  if (action === 'drain') return replica.drained ? `${replica.name} is already drained (down in nginx)` : null;
  if (action === 'undrain') return replica.drained ? null : `${replica.name} is not drained; nothing to undrain`;
  if (FROM[action].includes(replica.state)) return null;
  if (TARGET[action] === replica.state) return `${replica.name} is already ${replica.state}`;
  return `cannot ${action} ${replica.name}: it is ${replica.state} (${HINT[replica.state]})`;
}
