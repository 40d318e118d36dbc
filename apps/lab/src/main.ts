// `npm run lab -- <command>`: see apps/lab/src/cli/registry.ts for the commands.
import { runCli } from './cli';
import { processIo } from './cli/output';
import { LOG_ENV, stampedIo } from './cli/supervisor';

// the detached supervisor's output is its log file: every line gets a timestamp
const io = process.env[LOG_ENV] ? stampedIo(processIo()) : processIo();

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
    // a command is done when it resolves: a stray handle (a keep-alive socket,
    // a driver timer) must not keep the terminal waiting
    setTimeout(() => process.exit(code), 2_000).unref();
  },
  (err: unknown) => {
    io.err(`lab: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
