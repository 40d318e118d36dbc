"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseCommand = parseCommand;
exports.intValue = intValue;
exports.oneOf = oneOf;
exports.explainParseError = explainParseError;
const node_util_1 = require("node:util");
const output_1 = require("./output");
const suggest_1 = require("./suggest");
/** `parseArgs` in strict mode; every command also accepts `--json`. */
function parseCommand(argv, options, positionals) {
    let parsed;
    try {
        parsed = (0, node_util_1.parseArgs)({ args: argv, options: { ...options, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
    }
    catch (err) {
        throw new output_1.UsageError(explainParseError(err, Object.keys(options)));
    }
    const n = parsed.positionals.length;
    if (n < positionals.min)
        throw new output_1.UsageError(`missing ${positionals.what ?? 'argument'}`);
    if (n > positionals.max)
        throw new output_1.UsageError(`unexpected argument "${parsed.positionals[positionals.max]}"`);
    return parsed;
}
function intValue(raw, name, min, max, fallback) {
    if (raw === undefined)
        return fallback;
    const value = Number(raw);
    if (typeof raw !== 'string' || !/^\d+$/.test(raw) || value < min || value > max) {
        throw new output_1.UsageError(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    }
    return value;
}
function oneOf(raw, name, allowed, fallback) {
    if (raw === undefined)
        return fallback;
    if (typeof raw === 'string' && allowed.includes(raw))
        return raw;
    throw new output_1.UsageError(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
}
/**
 * parseArgs' own messages advise `-- "--x"` (meaningless after `npm run lab
 * --`): say instead what the command takes and what was probably meant.
 */
function explainParseError(err, names) {
    const flags = [...names, 'json'].map((n) => `--${n}`);
    const takes = `it takes ${flags.join(', ')}`;
    const quoted = /'(-[^' ]*)/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) {
        const guess = (0, suggest_1.nearest)(quoted.startsWith('--') ? quoted : `-${quoted}`, flags);
        return `unknown option ${quoted}${guess ? ` (did you mean ${guess}?)` : ''}; ${takes}`;
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) {
        return /argument missing/.test(err.message) ? `${quoted} needs a value` : `${quoted} takes no value`;
    }
    return `${err.message.split('\n')[0].replace(/\. To specify a positional.*$/, '')}; ${takes}`;
}
//# sourceMappingURL=args.js.map