import { sweepStaleRunDirs } from '../util/run-dir';
import type { Command } from './command';
import { CliError, CliIo, paint } from './output';
import { COMMANDS, findCommand } from './registry';
import { nearest } from './suggest';

const PROGRAM = 'npm run lab --';

export function usageText(io: Pick<CliIo, 'color'>): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `${paint(io, 'bold', 'Sticky Sessions Lab')}: a balancer (nginx or haproxy) + cart-api replicas (+ redis) you can break on purpose.`,
    '',
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  this list, or one command's options (\`help up\`)`,
    '',
    `Every command takes --json. \`${PROGRAM} help <command>\` shows its options.`,
    'Commands act on the lab started by `up` in this directory (state in .lab/, or $LAB_STATE_DIR).',
    'LAB_DRIVER=compose runs the topology with Docker Compose instead of local processes.',
  ].join('\n');
}

const commandHelp = (c: Command) => `${c.summary}\n\nUsage: ${PROGRAM} ${c.usage}`;

function help(args: string[], io: CliIo): number {
  const topic = args[0] && findCommand(args[0]);
  io.out(topic ? commandHelp(topic) : usageText(io));
  return 0;
}

/**
 * An error is one line on stderr; under --json it is also a JSON object on
 * stdout, so a script reading stdout never gets an empty string.
 */
function fail(io: CliIo, json: boolean, message: string, exitCode: number, usage?: string): number {
  io.err(usage ? `${message}\n${usage}` : message);
  if (json) io.out(JSON.stringify({ ok: false, error: message, exit_code: exitCode }));
  return exitCode;
}

/** Runs one CLI invocation; resolves to the exit code. Errors are one line, no stack. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const json = argv.includes('--json');
  if (!name || name === 'help' || name === '--help' || name === '-h') return help(rest, io);
  const command = findCommand(name);
  if (!command) {
    const guess = nearest(name, [...COMMANDS.map((c) => c.name), 'help']);
    const hint = guess ? ` (did you mean ${guess}?)` : '';
    return fail(io, json, `lab: unknown command "${name}"${hint}`, 2, `\n${usageText({ color: false })}`);
  }
  if (rest.includes('--help') || rest.includes('-h')) return help([name], io);
  try {
    // Whatever a SIGKILLed lab (up, report, bench) left running ends here,
    // with the next command of any kind, before that command looks around.
    await sweepStaleRunDirs();
    return await command.run(rest, io);
  } catch (err) {
    const exitCode = err instanceof CliError ? err.exitCode : 1;
    const message = err instanceof Error ? err.message : String(err);
    const usage = `Usage: ${PROGRAM} ${command.usage.split('\n')[0]}\n(\`${PROGRAM} help ${name}\` explains the options)`;
    return fail(io, json, `lab ${name}: ${message}`, exitCode, exitCode === 2 ? usage : undefined);
  }
}
