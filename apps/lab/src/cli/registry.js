"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.COMMANDS = void 0;
exports.findCommand = findCommand;
const down_1 = require("./commands/down");
const logs_1 = require("./commands/logs");
const probe_1 = require("./commands/probe");
const redis_1 = require("./commands/redis");
const replica_1 = require("./commands/replica");
const report_1 = require("./commands/report");
const scale_1 = require("./commands/scale");
const status_1 = require("./commands/status");
const up_1 = require("./commands/up");
exports.COMMANDS = [
    up_1.up,
    status_1.status,
    ...replica_1.replicaCommands,
    scale_1.scale,
    redis_1.redis,
    probe_1.probe,
    report_1.report,
    logs_1.logs,
    down_1.down,
];
function findCommand(name) {
    return exports.COMMANDS.find((c) => c.name === name);
}
//# sourceMappingURL=registry.js.map