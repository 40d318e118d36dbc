"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sorted = exports.key = void 0;
exports.scenarioSuite = scenarioSuite;
exports.formatEvidence = formatEvidence;
// One jest test per parametrisation of a scenario in the registry, with
// the expectations keyed `strategy/store` (behind HAProxy `haproxy/strategy/store`).
// The registry and the tests cannot drift apart: a parametrisation without
// an expectation fails.
const scenarios_1 = require("../../apps/lab/src/scenarios");
const harness_1 = require("../../apps/lab/src/scenarios/harness");
const find_binary_1 = require("../../apps/lab/src/util/find-binary");
const topology_1 = require("../support/topology");
const skip_1 = require("../support/skip");
let composeChecked;
/** Asked once per suite: the check runs `docker info`. */
function composeReason() {
    if (composeChecked === undefined) {
        composeChecked = require('../../apps/lab/src/topology/drivers/compose').composeUnavailableReason();
    }
    return composeChecked;
}
/** Boot (slow when the machine is busy) + a few hundred requests + teardown. */
const TEST_TIMEOUT_MS = 120_000;
function scenarioSuite(id, expectations) {
    const def = (0, scenarios_1.scenario)(id);
    // A topology's teardown (≈ 1–2 s, mostly waiting on processes to exit)
    // overlaps the next test's boot; afterAll waits for every one of them.
    const teardowns = [];
    const options = { deferTeardown: (down) => void teardowns.push(down) };
    describe(`${id}: ${def.fault}`, () => {
        afterAll(async () => {
            const failed = (await Promise.allSettled(teardowns)).filter((t) => t.status === 'rejected');
            if (failed.length)
                throw new Error(`teardown failed: ${failed.map((t) => String(t.reason)).join('; ')}`);
        }, 60_000);
        it('has an expectation for every parametrisation in the registry', () => {
            expect(Object.keys(expectations).sort()).toEqual(def.params.map(exports.key).sort());
        });
        for (const params of def.params) {
            const why = skipReason(params);
            if (why) {
                it.skip(`${(0, exports.key)(params)} [skipped: ${why}]`, () => undefined);
                (0, skip_1.noteSkip)(`${id} ${(0, exports.key)(params)}: ${why}`);
                continue;
            }
            it((0, exports.key)(params), async () => {
                const result = (await runWithEvidence(() => def.run(params, options)));
                withEvidence(result.evidence, () => {
                    expectNoUnknown(result);
                    expectations[(0, exports.key)(params)](result);
                });
            }, TEST_TIMEOUT_MS);
        }
    });
}
/** A check that saw no evidence fails the test: "unknown" is never a pass. */
function expectNoUnknown(result) {
    const unknown = result.rows.flatMap((row) => Object.entries(row.checks ?? {})
        .filter(([, v]) => v?.valid === 'unknown')
        .map(([name, v]) => `${row.variant ?? 'row'} ${name}: ${v.reason}`));
    expect(unknown).toEqual([]);
}
/** `strategy/store[/persistence]` behind nginx (the default); `haproxy/…` behind HAProxy. */
const key = (p) => `${p.balancer && p.balancer !== 'nginx' ? `${p.balancer}/` : ''}${p.strategy}/${p.store}${p.redisPersistence ? `/${p.redisPersistence}` : ''}`;
exports.key = key;
/** Why this parametrisation cannot run here, or null. */
function skipReason(params) {
    if (process.env.LAB_DRIVER === 'compose') {
        const engine = composeReason();
        if (engine)
            return `LAB_DRIVER=compose but ${engine}`;
    }
    // Under Compose every client reaches nginx from one bridge address, so the
    // per-address expectations of the hash strategies do not apply (docs/docker.md).
    if (process.env.LAB_DRIVER === 'compose' && ['ip-hash', 'consistent-hash'].includes(params.strategy)) {
        return 'under the compose driver all clients share one bridge address';
    }
    const missing = [...(0, topology_1.missingBinaries)(params.store), ...(params.balancer === 'haproxy' && !(0, find_binary_1.findBinary)('haproxy') ? ['haproxy'] : [])];
    if (missing.length === 0)
        return null;
    return `${missing.join(' and ')} not installed (sudo apt-get install -y ${missing.join(' ')})`;
}
async function runWithEvidence(run) {
    try {
        return await run();
    }
    catch (err) {
        if (err instanceof harness_1.ScenarioError)
            err.message += `\n${formatEvidence(err.evidence)}`;
        throw err;
    }
}
/** Green stays quiet; a failed expectation carries what happened. */
function withEvidence(evidence, check) {
    try {
        check();
    }
    catch (err) {
        if (err instanceof Error)
            err.message += `\n${formatEvidence(evidence)}`;
        throw err;
    }
}
function formatEvidence(e) {
    const logs = Object.entries(e.logs).map(([name, text]) => `---- ${name} (tail) ----\n${text.trimEnd()}`);
    return ['==== per client: replicas seen, losses, failures ====', ...e.summary, '==== nginx config ====', e.nginxConfig, ...logs].join('\n');
}
/** Sorted copy, so set equality reads as array equality in failure output. */
const sorted = (xs) => [...xs].sort();
exports.sorted = sorted;
//# sourceMappingURL=suite.js.map