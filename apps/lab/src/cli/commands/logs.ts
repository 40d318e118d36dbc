import { readFileSync } from 'node:fs';
import { intValue, parseCommand } from '../args';
import type { Command } from '../command';
import { findLab, RunningLab } from '../lab';
import { follow } from '../follow';
import { CliError, CliIo, paint, printJson, UsageError } from '../output';

/** The last `lines` lines of `text`, as `docker logs --tail` counts them: 0 is none, `all` everything. */
export function lastLines(text: string, lines: number | 'all'): string {
  if (lines === 0) return '';
  const all = text.trimEnd().split('\n');
  return (lines === 'all' ? all : all.slice(-lines)).join('\n');
}

export function tailOption(raw: string | boolean | undefined): number | 'all' {
  if (raw === 'all') return 'all';
  try {
    return intValue(raw, '--tail', 0, 1_000_000, 40);
  } catch {
    throw new UsageError(`--tail must be a line count from 0 to 1000000, or all (got "${raw}")`);
  }
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
  summary: 'recent logs of the balancer, its access log, redis, each replica, the supervisor',
  usage: `logs [component] [--tail N] [-f] [--json]

  component     nginx | nginx-access | redis | app1 | app2 | … | supervisor (default: all)
  --tail N      last N lines of each (default 40; all = everything; 0 = none,
                as with docker logs: with -f only the lines written from now on)
  -f, --follow  then keep printing new lines (prefixed with the component without one)
                until Ctrl-C or the lab goes down`,
  async run(argv: string[], io: CliIo) {
    const { values, positionals } = parseCommand(argv, { tail: { type: 'string' }, follow: { type: 'boolean', short: 'f' } }, { min: 0, max: 1 });
    const lines = tailOption(values.tail);
    if (values.follow && values.json) throw new UsageError('--follow prints text as it comes; it cannot be combined with --json');
    const lab = findLab(io);
    const all = await collect(lab);
    const wanted = positionals[0];
    if (wanted && !(wanted in all)) throw new CliError(`no logs for "${wanted}"; components: ${Object.keys(all).join(', ')}`);
    const picked = Object.entries(all).filter(([name]) => !wanted || name === wanted);
    const tails = Object.fromEntries(picked.map(([name, text]) => [name, lastLines(text, lines)]));
    if (values.json) printJson(io, { logs: tails });
    // --tail 0 asks for no line: no "(empty)" and no headers either, as docker logs prints nothing
    else if (lines !== 0 && wanted) io.out(tails[wanted] || '(empty)');
    else if (lines !== 0) io.out(picked.map(([name]) => `${paint(io, 'bold', `== ${name} ==`)}\n${tails[name] || '(empty)'}`).join('\n\n'));
    if (values.follow) io.err(`lab logs: ${await follow(lab, () => collect(lab), wanted, io, all)}`);
    return 0;
  },
};
