"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// `npm run bench [-- --quick] [--only groups] [--json] [--out DIR] [--compare EARLIER.json]`:
// what affinity and the session store cost, measured side by side in one run.
const node_crypto_1 = require("node:crypto");
const node_path_1 = require("node:path");
const child_1 = require("./child");
const compare_1 = require("./compare");
const pool_1 = require("./generator/pool");
const lab_1 = require("./lab");
const machine_1 = require("./machine");
const model_1 = require("./model");
const options_1 = require("./options");
const pinning_1 = require("./pinning");
const report_1 = require("./report");
const targets_1 = require("./targets");
const ceiling_1 = require("./groups/ceiling");
const direct_1 = require("./groups/direct");
const nginx_1 = require("./groups/nginx");
const boot_1 = require("./groups/boot");
const memory_1 = require("./groups/memory");
const profile_1 = require("./groups/profile");
const session_cap_1 = require("./groups/session-cap");
const REPO = (0, node_path_1.resolve)(__dirname, '../../../..');
let generator;
async function runGroup(report, ctx, group, fn) {
    ctx.log(`[${group}]`);
    const t0 = Date.now();
    try {
        await fn();
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        ctx.log(`  FAILED: ${message}`);
        report.failures.push({ group, message });
    }
    report.group_seconds[group] = Math.round((Date.now() - t0) / 100) / 10;
    ctx.log(`  (${report.group_seconds[group]} s)`);
}
function context(opts, gen, pinning, failures) {
    const log = (line) => void process.stderr.write(line + '\n');
    return {
        profile: opts.profile,
        paths: {
            cartApi: (0, node_path_1.join)(REPO, 'dist/apps/cart-api/main.js'),
            peer: (0, node_path_1.join)(__dirname, 'peer/server.js'),
            ceiling: (0, node_path_1.join)(__dirname, 'ceiling/responder.js'),
            generator: (0, node_path_1.join)(__dirname, 'generator/worker.js'),
        },
        generator: gen,
        pinning,
        log,
        fail: (group, message) => {
            log(`  FAILED: ${message}`);
            failures.push({ group, message });
        },
        secret: (0, node_crypto_1.randomBytes)(24).toString('hex'),
    };
}
async function runGroups(opts, ctx, report) {
    const add = (rows) => void report.cases.push(...rows);
    const groups = {
        ceiling: async () => add(await (0, ceiling_1.ceilingGroup)(ctx)),
        peer: async () => add(await (0, direct_1.directGroup)(ctx, { peer: true, direct: false })),
        direct: async () => add(await (0, direct_1.directGroup)(ctx, { peer: opts.only.has('peer'), direct: true })),
        nginx: async () => add(await (0, nginx_1.nginxGroup)(ctx)),
        boot: async () => void report.boot.push(...(await (0, boot_1.bootGroup)(ctx))),
        memory: async () => void report.memory.push(...(await (0, memory_1.memoryGroup)(ctx))),
        'session-cap': async () => void (report.session_cap = await (0, session_cap_1.sessionCapGroup)(ctx)),
    };
    for (const group of Object.keys(groups)) {
        // The peer is measured with the direct cases when both run: they are compared.
        const merged = group === 'peer' && opts.only.has('direct');
        if (opts.only.has(group) && !merged)
            await runGroup(report, ctx, group, groups[group]);
    }
}
async function main(opts) {
    const earlier = opts.compare ? (0, compare_1.loadReport)(opts.compare) : undefined;
    if (earlier && opts.against) {
        process.stdout.write((0, compare_1.renderComparison)(opts.compare, opts.against, (0, compare_1.compareReports)(earlier, (0, compare_1.loadReport)(opts.against))) + '\n');
        return 0;
    }
    const pinning = (0, pinning_1.pinServers)(opts.noPin);
    const outDir = opts.outDir ? (0, node_path_1.resolve)(opts.outDir) : (0, node_path_1.join)(REPO, 'bench/results');
    const failures = [];
    const ctx = context(opts, (generator = pool_1.Generator.start((0, node_path_1.join)(__dirname, 'generator/worker.js'), pinning)), pinning, failures);
    const report = {
        schema_version: model_1.SCHEMA_VERSION,
        started_at: new Date().toISOString(),
        finished_at: '',
        mode: opts.profile.mode,
        settings: opts.profile,
        machine: (0, machine_1.describeMachine)(pinning),
        pinning,
        cases: [],
        boot: [],
        memory: [],
        targets: [],
        failures,
        group_seconds: {},
    };
    ctx.log(`bench (${opts.profile.mode}); ${report.machine.caveat}`);
    if (opts.cpuProfile) {
        process.stdout.write((0, profile_1.renderProfiles)(await (0, profile_1.profileGroup)(ctx, outDir)) + '\n');
        return 0;
    }
    await runGroups(opts, ctx, report);
    report.targets = (0, targets_1.evaluateTargets)(report.cases, report.boot, report.memory);
    report.finished_at = new Date().toISOString();
    const file = (0, report_1.writeReport)(outDir, report);
    const text = (0, report_1.renderReport)(report);
    const comparison = earlier ? '\n' + (0, compare_1.renderComparison)(opts.compare, file, (0, compare_1.compareReports)(earlier, report)) : '';
    if (opts.json) {
        process.stderr.write(text + comparison + '\n');
        process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    }
    else {
        process.stdout.write(text + comparison + '\n');
    }
    ctx.log(`raw figures: ${file}`);
    return report.failures.length ? 1 : 0;
}
async function cleanUp() {
    await (0, lab_1.downAllTopologies)();
    (0, child_1.killAllChildren)();
    await generator?.stop();
}
// A reader that went away (`npm run bench | head`) must not crash the bench
// and orphan its servers: the report still goes to its file.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err) => {
        if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED')
            throw err;
    });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}
function parseOrExit() {
    try {
        return (0, options_1.parseArgs)(process.argv.slice(2));
    }
    catch (err) {
        process.stderr.write(`${err.message}\n${options_1.USAGE}\n`);
        process.exit(2);
    }
}
main(parseOrExit()).then((code) => void cleanUp().finally(() => process.exit(code)), (err) => {
    void cleanUp().finally(() => {
        if (err instanceof compare_1.CompareInputError) {
            process.stderr.write(`bench --compare: ${err.message}\n`);
            process.exit(2);
        }
        process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exit(1);
    });
});
//# sourceMappingURL=main.js.map