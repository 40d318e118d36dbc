import type { LabStatus } from '../../control';
import { MAX_DRAIN_WAIT_S } from '../../scenarios/rollout';
import type { RolloutStep } from '../../scenarios/rollout';
import { parseCommand } from '../args';
import type { Command } from '../command';
import { findLab } from '../lab';
import { CliIo, printJson, UsageError } from '../output';
import { replicaTable } from '../summary';

interface RolloutReply {
  message: string;
  steps: RolloutStep[];
  total_ms: number;
  status: LabStatus;
}

/** Seconds, whole or decimal, from 0 to the bound; anything else is a usage error (exit 2). */
export function drainWaitSeconds(raw: string | boolean | undefined): number {
  if (raw === undefined) return 0;
  const value = Number(raw);
  if (typeof raw !== 'string' || !/^\d+(\.\d+)?$/.test(raw) || value > MAX_DRAIN_WAIT_S) {
    throw new UsageError(`--drain-wait must be a number of seconds from 0 to ${MAX_DRAIN_WAIT_S} (got "${raw}")`);
  }
  return value;
}

// A restart waits for the replica's readiness: bound it per replica, on top of its drain wait.
const RESTART_BOUND_S = 120;

const stepLine = (s: RolloutStep) =>
  `${s.replica}: ${s.ended === 'idle' ? 'idle' : s.ended === 'no-wait' ? 'no drain wait' : 'drain wait ran out'} after ${(s.waitedMs / 1000).toFixed(1)} s ` +
  `(${s.servedWhileDraining} requests served while draining), restarted in ${(s.restartMs / 1000).toFixed(1)} s`;

export const rollout: Command = {
  name: 'rollout',
  summary: 'restart every replica in turn, draining each first (bound clients finish, new ones go elsewhere)',
  usage:
    `rollout [--drain-wait S] [--json]      S from 0 to ${MAX_DRAIN_WAIT_S} (default 0): how long each drained replica may take ` +
    'to go idle (no request for 1 s) before it is stopped; refused while a replica is not serving',
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommand(argv, { 'drain-wait': { type: 'string' } }, { min: 0, max: 0 });
    const drainWait = drainWaitSeconds(values['drain-wait']);
    const lab = findLab(io);
    const { replicas } = await lab.control.get<LabStatus>('/api/status');
    const timeoutMs = Math.max(1, replicas.length) * (drainWait + RESTART_BOUND_S) * 1000;
    const reply = await lab.control.post<RolloutReply>('/api/rollout', { drain_wait_s: drainWait }, timeoutMs);
    if (values.json) printJson(io, reply);
    else io.out(`${reply.message}\n${reply.steps.map(stepLine).join('\n')}\n\n${replicaTable(io, reply.status.replicas)}`);
    return 0;
  },
};
