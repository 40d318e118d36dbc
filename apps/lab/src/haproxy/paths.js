"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GENERATOR = void 0;
exports.haproxyAssetsDir = haproxyAssetsDir;
exports.generatorScript = generatorScript;
exports.haproxyRunPaths = haproxyRunPaths;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
/** The config generator, relative to the repo's haproxy/ directory. */
exports.GENERATOR = 'lab-haproxy.sh';
let cached;
/**
 * The repo's `haproxy/` directory, found by walking up from this file (works
 * from ts-jest sources and from dist/ alike). LAB_HAPROXY_DIR overrides it.
 */
function haproxyAssetsDir() {
    if (process.env.LAB_HAPROXY_DIR)
        return process.env.LAB_HAPROXY_DIR;
    if (cached)
        return cached;
    for (let dir = __dirname;; dir = (0, node_path_1.dirname)(dir)) {
        const candidate = (0, node_path_1.join)(dir, 'haproxy');
        if ((0, node_fs_1.existsSync)((0, node_path_1.join)(candidate, exports.GENERATOR)))
            return (cached = candidate);
        if ((0, node_path_1.dirname)(dir) === dir)
            throw new Error(`haproxy/${exports.GENERATOR} not found above ${__dirname}`);
    }
}
function generatorScript() {
    return (0, node_path_1.join)(haproxyAssetsDir(), exports.GENERATOR);
}
/** Files of one private run: config, runtime API socket, logs. */
function haproxyRunPaths(runDir) {
    return {
        conf: (0, node_path_1.join)(runDir, 'haproxy.cfg'),
        socket: (0, node_path_1.join)(runDir, 'admin.sock'),
        accessLog: (0, node_path_1.join)(runDir, 'access.log'),
        errorLog: (0, node_path_1.join)(runDir, 'haproxy.log'),
        meta: (0, node_path_1.join)(runDir, 'render.json'),
    };
}
//# sourceMappingURL=paths.js.map