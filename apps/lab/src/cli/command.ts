import type { CliIo } from './output';

/** One `npm run lab -- <name>` command; `run` resolves to the exit code. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Synopsis and options, printed by `help <name>` and on a usage error. */
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}
