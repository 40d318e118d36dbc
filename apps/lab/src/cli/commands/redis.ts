import type { LabStatus } from '../../control';
import { oneOf, parseCommand } from '../args';
import type { Command } from '../command';
import { findLab } from '../lab';
import { CliIo, printJson } from '../output';

const ACTIONS = ['pause', 'resume', 'restart', 'kill'] as const;

export const redis: Command = {
  name: 'redis',
  summary: 'pause, resume, restart or kill the Redis of a --store redis lab',
  usage: 'redis pause|resume|restart|kill [--json]      restart loses every session unless the lab is up with --redis-persistence aof;\n  under --redis-ha sentinel pause and kill hit the current primary',
  async run(argv: string[], io: CliIo) {
    const { values, positionals } = parseCommand(argv, {}, { min: 1, max: 1, what: 'the redis action: pause, resume, restart or kill' });
    const action = oneOf(positionals[0], 'the redis action', ACTIONS, 'pause');
    const reply = await findLab(io).control.post<{ message: string; status: LabStatus }>(`/api/redis/${action}`);
    if (values.json) printJson(io, reply);
    else io.out(reply.message);
    return 0;
  },
};
