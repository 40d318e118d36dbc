"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withTopology = withTopology;
exports.evidence = evidence;
exports.missingBinaries = missingBinaries;
exports.describeTopology = describeTopology;
exports.describeSkipped = describeSkipped;
// Test harness over the real topology: boots it, runs the body, and ALWAYS
// tears it down; when the body fails, prints the evidence (rendered nginx
// config, nginx error/access logs, replica logs) before rethrowing.
const find_binary_1 = require("../../apps/lab/src/util/find-binary");
const topology_1 = require("../../apps/lab/src/topology");
const skip_1 = require("./skip");
const TAIL_LINES = 60;
async function withTopology(opts, body) {
    const topo = await (0, topology_1.createTopology)({ store: 'memory', ...opts });
    try {
        return await body(topo);
    }
    catch (err) {
        await printEvidence(topo, err);
        throw err;
    }
    finally {
        await topo.down();
    }
}
async function evidence(topo) {
    const parts = [`==== nginx config (${topo.strategy}, ${topo.store}) ====\n${await topo.nginxConfig()}`];
    for (const [name, text] of Object.entries(await topo.logs()))
        parts.push(`==== ${name} (last ${TAIL_LINES} lines) ====\n${tail(text)}`);
    return parts.join('\n');
}
async function printEvidence(topo, err) {
    try {
        const status = JSON.stringify(await topo.status(), null, 1);
        process.stderr.write(`\n#### topology evidence for: ${String(err?.message ?? err).split('\n')[0]}\n${status}\n${await evidence(topo)}\n`);
    }
    catch (e) {
        process.stderr.write(`\n#### could not collect topology evidence: ${String(e)}\n`);
    }
}
function tail(text) {
    return text.trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
}
/** Binaries the process driver needs for `store`; empty when all are installed. */
function missingBinaries(store = 'memory') {
    const needed = store === 'redis' ? ['nginx', 'redis-server'] : ['nginx'];
    return needed.filter((b) => !(0, find_binary_1.findBinary)(b));
}
/**
 * `describe` that is skipped, saying why in the output, when this machine lacks
 * a binary the topology needs (never a silent pass).
 */
function describeTopology(name, store, fn) {
    const missing = missingBinaries(store);
    if (missing.length === 0)
        return describe(name, fn);
    describeSkipped(name, `${missing.join(' and ')} not installed (sudo apt-get install -y ${missing.join(' ')})`);
}
/**
 * A suite that cannot run here: the reason goes to stderr while the file is
 * collected (Jest runs no hooks of a block whose tests are all skipped) and
 * into the skipped test's name.
 */
function describeSkipped(name, why) {
    (0, skip_1.noteSkip)(`${name}: ${why}`);
    describe(`${name} [skipped: ${why}]`, () => {
        it.skip(`needs ${why}`, () => undefined);
    });
}
//# sourceMappingURL=topology.js.map