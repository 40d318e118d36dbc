"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.logs = void 0;
const node_fs_1 = require("node:fs");
const args_1 = require("../args");
const lab_1 = require("../lab");
const follow_1 = require("../follow");
const output_1 = require("../output");
function tail(text, lines) {
    const all = text.trimEnd().split('\n');
    return (lines === 0 ? all : all.slice(-lines)).join('\n');
}
async function collect(lab) {
    const { logs } = await lab.control.get('/api/logs', 15_000);
    if (!lab.state.log_file)
        return logs;
    try {
        return { ...logs, supervisor: (0, node_fs_1.readFileSync)(lab.state.log_file, 'utf8') };
    }
    catch {
        return logs;
    }
}
exports.logs = {
    name: 'logs',
    summary: 'recent logs of nginx, the access log, redis, each replica, the supervisor',
    usage: `logs [component] [--tail N] [-f] [--json]

  component     nginx | nginx-access | redis | app1 | app2 | … | supervisor (default: all)
  --tail N      last N lines of each (default 40; 0 = everything)
  -f, --follow  then keep printing new lines (prefixed with the component without one)
                until Ctrl-C or the lab goes down`,
    async run(argv, io) {
        const { values, positionals } = (0, args_1.parseCommand)(argv, { tail: { type: 'string' }, follow: { type: 'boolean', short: 'f' } }, { min: 0, max: 1 });
        const lines = (0, args_1.intValue)(values.tail, '--tail', 0, 1_000_000, 40);
        if (values.follow && values.json)
            throw new output_1.UsageError('--follow prints text as it comes; it cannot be combined with --json');
        const lab = (0, lab_1.findLab)(io);
        const all = await collect(lab);
        const wanted = positionals[0];
        if (wanted && !(wanted in all))
            throw new output_1.CliError(`no logs for "${wanted}"; components: ${Object.keys(all).join(', ')}`);
        const picked = Object.entries(all).filter(([name]) => !wanted || name === wanted);
        const tails = Object.fromEntries(picked.map(([name, text]) => [name, tail(text, lines)]));
        if (values.json)
            (0, output_1.printJson)(io, { logs: tails });
        else if (wanted)
            io.out(tails[wanted] || '(empty)');
        else
            io.out(picked.map(([name]) => `${(0, output_1.paint)(io, 'bold', `== ${name} ==`)}\n${tails[name] || '(empty)'}`).join('\n\n'));
        if (values.follow)
            io.err(`lab logs: ${await (0, follow_1.follow)(lab, () => collect(lab), wanted, io, all)}`);
        return 0;
    },
};
//# sourceMappingURL=logs.js.map