"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.psArgs = psArgs;
exports.parsePs = parsePs;
exports.stateOf = stateOf;
const LABEL = 'com.docker.compose.project';
const SERVICE = 'com.docker.compose.service';
/** Every container of the project, stopped ones too (plain `docker`, one call). */
function psArgs(project) {
    return ['ps', '-a', '--no-trunc', '--filter', `label=${LABEL}=${project}`, '--format', `{{.ID}}\t{{.Label "${SERVICE}"}}\t{{.State}}\t{{.Status}}`];
}
function parsePs(output) {
    const out = new Map();
    for (const line of output.split('\n')) {
        const [id, service, state, status] = line.split('\t');
        if (!id || !service || !state)
            continue;
        const code = /^Exited \((\d+)\)/.exec(status ?? '');
        out.set(service, { id, service, state, exitCode: code ? Number(code[1]) : undefined });
    }
    return out;
}
/**
 * The lab's state for a replica's container. `intent` is what the lab last
 * did to it: `stop` ends in SIGKILL after its grace period (exit 137) and is
 * still a stop. Without an intent, an exit by signal 9 (137) reads `killed`
 * (`docker kill`, the OOM killer) and any other exit `stopped`.
 */
function stateOf(c, intent) {
    if (!c)
        return 'stopped';
    if (c.state === 'running')
        return 'running';
    if (c.state === 'paused')
        return 'paused';
    if (c.state === 'created' || c.state === 'restarting')
        return 'starting';
    if (intent === 'stop')
        return 'stopped';
    if (intent === 'kill')
        return 'killed';
    return c.exitCode === 137 ? 'killed' : 'stopped';
}
//# sourceMappingURL=ps.js.map