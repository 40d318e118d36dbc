import { readFileSync } from 'node:fs';
import { intValue, parseCommand } from '../args';
import type { Command } from '../command';
import { findLab, RunningLab } from '../lab';
import { follow } from '../follow';
import { CliError, CliIo, paint, printJson, UsageError } from '../output';

function tail(text: string, lines: number): string {
  const all = text.trimEnd().split('\n');
  return (lines === 0 ? all : all.slice(-lines)).join('\n');
}

async function collect(lab: RunningLab): Promise<Record<string, string>> {
  const { logs } = await lab.control.get<{ logs: Record<string, string> }>('/api/logs', 15_000);
  if (!lab.state.log_file) return logs;
  try {
    return { ...logs, supervisor: readFileSync(lab.state.log_file, 'utf8') };
  } catch {
    return logs;
  }
}

export const logs: Command = {
  name: 'logs',
  summary: 'recent logs of nginx, the access log, redis, each replica, the supervisor',
  usage: `logs [component] [--tail N] [-f] [--json]

  component     nginx | nginx-access | redis | app1 | app2 | … | supervisor (default: all)
  --tail N      last N lines of each (default 40; 0 = everything)
  -f, --follow  then keep printing new lines (prefixed with the component without one)
                until Ctrl-C or the lab goes down`,
  async run(argv: string[], io: CliIo) {
    const { values, positionals } = parseCommand(argv, { tail: { type: 'string' }, follow: { type: 'boolean', short: 'f' } }, { min: 0, max: 1 });
    const lines = intValue(values.tail, '--tail', 0, 1_000_000, 40);
    if (values.follow && values.json) throw new UsageError('--follow prints text as it comes; it cannot be combined with --json');
    const lab = findLab(io);
    const all = await collect(lab);
    const wanted = positionals[0];
    if (wanted && !(wanted in all)) throw new CliError(`no logs for "${wanted}"; components: ${Object.keys(all).join(', ')}`);
    const picked = Object.entries(all).filter(([name]) => !wanted || name === wanted);
    const tails = Object.fromEntries(picked.map(([name, text]) => [name, tail(text, lines)]));
    if (values.json) printJson(io, { logs: tails });
    else if (wanted) io.out(tails[wanted] || '(empty)');
    else io.out(picked.map(([name]) => `${paint(io, 'bold', `== ${name} ==`)}\n${tails[name] || '(empty)'}`).join('\n\n'));
    if (values.follow) io.err(`lab logs: ${await follow(lab, () => collect(lab), wanted, io, all)}`);
    return 0;
  },
};
