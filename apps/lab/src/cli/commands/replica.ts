import type { LabStatus } from '../../control';
import { REPLICA_ACTIONS, ReplicaAction } from '../../control';
import { parseCommand } from '../args';
import type { Command } from '../command';
import { findLab } from '../lab';
import { CliIo, printJson } from '../output';
import { balancerOf, replicaTable } from '../summary';

// The replica verbs share one shape (`<verb> <app>` → POST
// /api/replicas/<app>/<verb>), so they are built from this table rather
// than a copy of the same module per verb.
const SUMMARY: Record<ReplicaAction, string> = {
  stop: 'stop a replica gracefully (SIGTERM; compose: docker compose stop)',
  kill: 'kill a replica (SIGKILL; compose: docker compose kill)',
  pause: 'freeze a replica: connections open, nothing answers (SIGSTOP)',
  resume: 'unfreeze a paused replica (SIGCONT)',
  start: 'start a stopped or killed replica again, same address',
  'mark-down': 'take a replica out of traffic entirely, bound clients included (nginx `server … down`, keeps its hash slot; HAProxy `disabled`)',
  'mark-up': 'put a marked-down replica back in rotation',
  drain: 'soft drain: clients bound to the replica keep it, new clients go elsewhere (HAProxy `drain`)',
  undrain: 'end a drain: new clients may get the replica again',
};

interface ChangeReply {
  message: string;
  status: LabStatus;
}

function replicaCommand(action: ReplicaAction): Command {
  return {
    name: action,
    summary: SUMMARY[action],
    usage: `${action} <app> [--json]      e.g. ${action} app2`,
    async run(argv: string[], io: CliIo) {
      const { values, positionals } = parseCommand(argv, {}, { min: 1, max: 1, what: 'the replica name, e.g. app2' });
      const name = positionals[0];
      const reply = await findLab(io).control.post<ChangeReply>(`/api/replicas/${encodeURIComponent(name)}/${action}`);
      if (values.json) printJson(io, reply);
      else io.out(`${reply.message}\n\n${replicaTable(io, reply.status.replicas, balancerOf(reply.status))}`);
      return 0;
    },
  };
}

export const replicaCommands: Command[] = REPLICA_ACTIONS.map(replicaCommand);
