"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.replicaCommands = void 0;
const control_1 = require("../../control");
const args_1 = require("../args");
const lab_1 = require("../lab");
const output_1 = require("../output");
const summary_1 = require("../summary");
// The seven replica verbs share one shape (`<verb> <app>` → POST
// /api/replicas/<app>/<verb>), so they are built from this table rather
// than seven copies of the same module.
const SUMMARY = {
    stop: 'stop a replica gracefully (SIGTERM; compose: docker compose stop)',
    kill: 'kill a replica (SIGKILL; compose: docker compose kill)',
    pause: 'freeze a replica: connections open, nothing answers (SIGSTOP)',
    resume: 'unfreeze a paused replica (SIGCONT)',
    start: 'start a stopped or killed replica again, same address',
    drain: 'mark a replica `down` in nginx (keeps its hash slot, no traffic)',
    undrain: 'put a drained replica back in rotation',
};
function replicaCommand(action) {
    return {
        name: action,
        summary: SUMMARY[action],
        usage: `${action} <app> [--json]      e.g. ${action} app2`,
        async run(argv, io) {
            const { values, positionals } = (0, args_1.parseCommand)(argv, {}, { min: 1, max: 1, what: 'the replica name, e.g. app2' });
            const name = positionals[0];
            const reply = await (0, lab_1.findLab)(io).control.post(`/api/replicas/${encodeURIComponent(name)}/${action}`);
            if (values.json)
                (0, output_1.printJson)(io, reply);
            else
                io.out(`${reply.message}\n\n${(0, summary_1.replicaTable)(io, reply.status.replicas)}`);
            return 0;
        },
    };
}
exports.replicaCommands = control_1.REPLICA_ACTIONS.map(replicaCommand);
//# sourceMappingURL=replica.js.map