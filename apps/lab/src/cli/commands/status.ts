import { parseCommand } from '../args';
import type { Command } from '../command';
import { fetchStatus, findLab } from '../lab';
import { CliIo, printJson } from '../output';
import { withStats } from '../../client/replica-stats';
import { renderStatus } from '../summary';

export const status: Command = {
  name: 'status',
  summary: 'where the running lab is, what each replica is doing, sessions it holds',
  usage: 'status [--json]',
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommand(argv, {}, { min: 0, max: 0 });
    const lab = await fetchStatus(findLab(io));
    const current = { ...lab, replicas: await withStats(lab.replicas) };
    if (values.json) printJson(io, current);
    else io.out(renderStatus(io, current));
    return 0;
  },
};
