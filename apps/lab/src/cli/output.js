"use strict";
// How commands talk to the person (or script) running them.
Object.defineProperty(exports, "__esModule", { value: true });
exports.UsageError = exports.CliError = void 0;
exports.processIo = processIo;
exports.paint = paint;
exports.printJson = printJson;
exports.visibleLength = visibleLength;
function processIo() {
    const env = process.env;
    // `lab logs -f | head`: the reader left, so there is nobody to tell anything; exit quietly
    process.stdout.on('error', (err) => {
        if (err.code !== 'EPIPE')
            throw err;
        process.exit(0);
    });
    return {
        out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
        err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
        color: !!process.stdout.isTTY && env.NO_COLOR === undefined,
        env,
        cwd: process.cwd(),
    };
}
/** A failure the user should read as one line; `exitCode` 2 means bad usage. */
class CliError extends Error {
    exitCode;
    constructor(message, exitCode = 1) {
        super(message);
        this.exitCode = exitCode;
    }
}
exports.CliError = CliError;
class UsageError extends CliError {
    constructor(message) {
        super(message, 2);
    }
}
exports.UsageError = UsageError;
const CODES = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90, bold: 1 };
function paint(io, colour, text) {
    return io.color ? `\x1b[${CODES[colour]}m${text}\x1b[0m` : text;
}
function printJson(io, value) {
    io.out(JSON.stringify(value, null, 2));
}
/** Visible width of a string that may carry colour codes. */
function visibleLength(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/\x1b\[[0-9;]*m/g, '').length;
}
//# sourceMappingURL=output.js.map