"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.report = void 0;
exports.defaultOut = defaultOut;
const node_path_1 = require("node:path");
const environment_1 = require("../../report/environment");
const run_1 = require("../../report/run");
const screenshot_1 = require("../../report/screenshot");
const write_1 = require("../../report/write");
const scenarios_1 = require("../../scenarios");
const args_1 = require("../args");
const output_1 = require("../output");
exports.report = {
    name: 'report',
    summary: 'run the failure-mode scenarios and write the matrix (JSON, markdown, HTML)',
    usage: `report [--only id,id] [--out DIR] [--png] [--json]

  --only id,id   run only these scenarios (default: all): steady-state, replica-killed,
                 replica-stopped, replica-returns, scale-out, maintenance, nat,
                 redis-outage, rolling-restart, concurrent-writes, hostile-client
  --out DIR      where matrix.json, matrix.md and index.html go (default: reports;
                 with --only, reports/subset-<ids> so the full run is never overwritten)
  --png          also render index.html to index.png with the machine's Chromium`,
    async run(argv, io) {
        const { values } = (0, args_1.parseCommand)(argv, { only: { type: 'string' }, out: { type: 'string' }, png: { type: 'boolean' } }, { min: 0, max: 0 });
        const only = typeof values.only === 'string' ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
        let scenarios;
        try {
            scenarios = (0, run_1.selectScenarios)(only);
        }
        catch (err) {
            throw new output_1.UsageError(err.message);
        }
        const out = (0, node_path_1.resolve)(io.cwd, typeof values.out === 'string' ? values.out : defaultOut(only && scenarios.map((s) => s.id)));
        // Progress goes to stderr so `--json` keeps stdout clean for scripts.
        const sink = { write: (t) => void process.stderr.write(t), isTTY: !!process.stderr.isTTY, color: io.color };
        const boots = (0, scenarios_1.bootCount)(scenarios);
        io.err(`Running ${scenarios.length} scenario(s) on ${boots} topolog${boots === 1 ? 'y' : 'ies'} (one per strategy × store); the report goes to ${out}/`);
        const stop = onInterrupt(io);
        const [environment, matrix] = await Promise.all([(0, environment_1.describeEnvironment)(), (0, run_1.runMatrix)(scenarios, sink)]).finally(stop);
        const meta = {
            generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
            environment,
            durationMs: matrix.durationMs,
            notMeasured: matrix.failures.map((f) => `${f.scenario} ${f.params.strategy} / ${f.params.store}: ${f.error}`),
        };
        const files = { ...(await (0, write_1.writeReport)(out, matrix.rows, meta)) };
        if (values.png) {
            files.png = (0, node_path_1.join)(out, 'index.png');
            await (0, screenshot_1.renderPng)(files.html, files.png);
        }
        if (values.json)
            (0, output_1.printJson)(io, { files, rows: matrix.rows, failures: matrix.failures, duration_ms: matrix.durationMs });
        else {
            const others = Object.entries(files).filter(([k]) => k !== 'html').map(([, f]) => `\n  ${f}`).join('');
            const rows = matrix.rows.length;
            io.out(`\n${rows} row${rows === 1 ? '' : 's'} written in ${(matrix.durationMs / 1000).toFixed(0)} s → ${files.html}${others}`);
            for (const f of matrix.failures)
                io.err(`not measured: ${f.scenario} ${f.params.strategy}/${f.params.store}: ${f.error}`);
        }
        return matrix.failures.length ? 1 : 0;
    },
};
/**
 * A subset (`--only`) must not replace the full run in reports/: it gets its
 * own directory, named after what it ran.
 */
function defaultOut(ids) {
    return ids?.length ? (0, node_path_1.join)('reports', `subset-${[...ids].sort().join('-')}`) : 'reports';
}
/**
 * Ctrl-C / SIGTERM mid-matrix: exit at once. Exiting runs the process
 * reaper's exit hook, which SIGKILLs every replica, nginx and redis the
 * running scenario started; no half-written report is left behind.
 */
function onInterrupt(io) {
    const signals = ['SIGINT', 'SIGTERM'];
    const handler = (signal) => {
        io.err(`\nlab report: ${signal}, stopping (no report written)`);
        process.exit(130);
    };
    for (const s of signals)
        process.on(s, handler);
    return () => signals.forEach((s) => process.off(s, handler));
}
//# sourceMappingURL=report.js.map