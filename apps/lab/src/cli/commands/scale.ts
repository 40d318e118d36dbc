import { LabStatus, MAX_REPLICAS } from '../../control';
import { intValue, parseCommand } from '../args';
import type { Command } from '../command';
import { findLab } from '../lab';
import { CliIo, printJson } from '../output';
import { balancerOf, replicaTable } from '../summary';

export const scale: Command = {
  name: 'scale',
  summary: 'add or remove replicas until there are N (the balancer reloads)',
  usage: `scale <N> [--json]      N from 1 to ${MAX_REPLICAS}; removing a replica removes its server line (hash slots move)`,
  async run(argv: string[], io: CliIo) {
    const { values, positionals } = parseCommand(argv, {}, { min: 1, max: 1, what: 'the number of replicas' });
    const replicas = intValue(positionals[0], 'N', 1, MAX_REPLICAS, 0);
    const reply = await findLab(io).control.post<{ message: string; status: LabStatus }>('/api/scale', { replicas });
    if (values.json) printJson(io, reply);
    else io.out(`${reply.message}\n\n${replicaTable(io, reply.status.replicas, balancerOf(reply.status))}`);
    return 0;
  },
};
