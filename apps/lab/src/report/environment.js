"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.describeEnvironment = describeEnvironment;
const node_child_process_1 = require("node:child_process");
const node_os_1 = require("node:os");
const node_util_1 = require("node:util");
const find_binary_1 = require("../util/find-binary");
const nginx_1 = require("../nginx");
const run = (0, node_util_1.promisify)(node_child_process_1.execFile);
/** The machine the matrix was measured on, in one line for the report header. */
async function describeEnvironment() {
    const nginx = await (0, nginx_1.nginxVersion)().catch(() => 'nginx ?');
    const redisBin = (0, find_binary_1.findBinary)('redis-server');
    const redis = redisBin ? await run(redisBin, ['--version']).then((r) => /v=(\S+)/.exec(r.stdout)?.[1] ?? '?', () => '?') : 'not installed';
    const cpu = (0, node_os_1.cpus)();
    return `nginx ${nginx.replace(/^nginx\s*/, '')}, redis ${redis}, node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? '?'}), 3 replicas`;
}
//# sourceMappingURL=environment.js.map