import { parseCommand } from '../args';
import type { Command } from '../command';
import { fetchStatus, findLab } from '../lab';
import { CliIo, printJson } from '../output';
import { renderStatus } from '../summary';

export const status: Command = {
  name: 'status',
  summary: 'where the running lab is and what each replica is doing',
  usage: 'status [--json]',
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommand(argv, {}, { min: 0, max: 0 });
    const current = await fetchStatus(findLab(io));
    if (values.json) printJson(io, current);
    else io.out(renderStatus(io, current));
    return 0;
  },
};
