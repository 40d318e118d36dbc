import type { LabStatus } from '../../control';
import { BALANCER_OPS } from '../../topology/topology';
import { oneOf, parseCommand } from '../args';
import type { Command } from '../command';
import { findLab } from '../lab';
import { CliIo, printJson } from '../output';

export const balancer: Command = {
  name: 'balancer',
  summary: 'restart or reload the balancer (nginx or haproxy) of the running lab',
  usage:
    'balancer restart|reload [--json]      restart: a new process on the same port (learned tables are lost); reload: graceful, same process',
  async run(argv: string[], io: CliIo) {
    const { values, positionals } = parseCommand(argv, {}, { min: 1, max: 1, what: 'the balancer action: restart or reload' });
    const action = oneOf(positionals[0], 'the balancer action', BALANCER_OPS, 'reload');
    const reply = await findLab(io).control.post<{ message: string; status: LabStatus }>(`/api/balancer/${action}`);
    if (values.json) printJson(io, reply);
    else io.out(reply.message);
    return 0;
  },
};
