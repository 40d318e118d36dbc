"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startBenchNginx = startBenchNginx;
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const free_port_1 = require("../util/free-port");
const nginx_front_1 = require("../topology/drivers/process/nginx-front");
async function startBenchNginx(upstream) {
    const runDir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'bench-nginx-'));
    const removeRunDir = () => (0, node_fs_1.rmSync)(runDir, { recursive: true, force: true });
    try {
        const front = await (0, nginx_front_1.startNginxFront)({
            strategy: 'round-robin',
            runDir,
            port: await (0, free_port_1.freePort)(),
            replicas: [{ name: 'app1', host: '127.0.0.1', port: upstream.port }],
        });
        return { url: front.url, pid: front.pid ?? -1, stop: () => front.stop().finally(removeRunDir) };
    }
    catch (err) {
        removeRunDir();
        throw err;
    }
}
//# sourceMappingURL=nginx-front.js.map