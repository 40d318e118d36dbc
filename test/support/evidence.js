"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.balancerEvidence = balancerEvidence;
exports.withEvidence = withEvidence;
/** What a balancer test prints when it fails: the config, the error log and the access log's tail. */
function balancerEvidence(b) {
    return [
        `==== ${b.name} config (${b.runDir})`,
        b.config,
        `==== ${b.name} error log`,
        b.errorLog,
        `==== ${b.name} access log (last 40 lines)`,
        b.accessLog.split('\n').slice(-41).join('\n'),
    ].join('\n');
}
/** Runs `fn`; on failure rethrows with `evidence()` appended, so it is read only when a test fails. */
async function withEvidence(fn, evidence) {
    try {
        return await fn();
    }
    catch (err) {
        if (err instanceof Error)
            err.message += `\n\n${evidence()}`;
        throw err;
    }
}
//# sourceMappingURL=evidence.js.map