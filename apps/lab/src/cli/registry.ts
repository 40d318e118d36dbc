// Every `npm run lab -- <command>`. To add one: write a module in
// ./commands/ exporting a `Command` ({ name, summary, usage, run(argv, io) }),
// then add ONE line to COMMANDS below. Help, usage errors, --json handling
// conventions and error printing come for free from ./index.ts.
import type { Command } from './command';
import { balancer } from './commands/balancer';
import { down } from './commands/down';
import { logs } from './commands/logs';
import { probe } from './commands/probe';
import { redis } from './commands/redis';
import { replicaCommands } from './commands/replica';
import { report } from './commands/report';
import { rollout } from './commands/rollout';
import { scale } from './commands/scale';
import { status } from './commands/status';
import { up } from './commands/up';

export const COMMANDS: Command[] = [
  up,
  status,
  ...replicaCommands,
  scale,
  rollout,
  redis,
  balancer,
  probe,
  report,
  logs,
  down,
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
