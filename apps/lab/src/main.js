"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// `npm run lab -- <command>`: see apps/lab/src/cli/registry.ts for the commands.
const cli_1 = require("./cli");
const output_1 = require("./cli/output");
const supervisor_1 = require("./cli/supervisor");
// the detached supervisor's output is its log file: every line gets a timestamp
const io = process.env[supervisor_1.LOG_ENV] ? (0, supervisor_1.stampedIo)((0, output_1.processIo)()) : (0, output_1.processIo)();
(0, cli_1.runCli)(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
    // a command is done when it resolves: a stray handle (a keep-alive socket,
    // a driver timer) must not keep the terminal waiting
    setTimeout(() => process.exit(code), 2_000).unref();
}, (err) => {
    io.err(`lab: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
});
//# sourceMappingURL=main.js.map