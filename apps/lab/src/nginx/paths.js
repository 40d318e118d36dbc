"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UPSTREAMS_SCRIPT = void 0;
exports.nginxAssetsDir = nginxAssetsDir;
exports.templatesDir = templatesDir;
exports.upstreamsScript = upstreamsScript;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
/** The upstream generator, relative to the repo's nginx/ directory. */
exports.UPSTREAMS_SCRIPT = 'docker-entrypoint.d/19-lab-upstreams.envsh';
let cached;
/**
 * The repo's `nginx/` directory (templates + upstream script). Found by walking
 * up from this file, so it works from `apps/lab/src` (ts-jest) and from
 * `dist/apps/lab` (the built CLI) alike. LAB_NGINX_DIR overrides it.
 */
function nginxAssetsDir() {
    if (process.env.LAB_NGINX_DIR)
        return process.env.LAB_NGINX_DIR;
    if (cached)
        return cached;
    for (let dir = __dirname;; dir = (0, node_path_1.dirname)(dir)) {
        const candidate = (0, node_path_1.join)(dir, 'nginx');
        if ((0, node_fs_1.existsSync)((0, node_path_1.join)(candidate, exports.UPSTREAMS_SCRIPT)))
            return (cached = candidate);
        if ((0, node_path_1.dirname)(dir) === dir)
            throw new Error(`nginx/${exports.UPSTREAMS_SCRIPT} not found above ${__dirname}`);
    }
}
function templatesDir() {
    return (0, node_path_1.join)(nginxAssetsDir(), 'templates');
}
function upstreamsScript() {
    return (0, node_path_1.join)(nginxAssetsDir(), exports.UPSTREAMS_SCRIPT);
}
//# sourceMappingURL=paths.js.map