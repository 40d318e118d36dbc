"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fetchGeneration = fetchGeneration;
exports.testConfig = testConfig;
const node_child_process_1 = require("node:child_process");
const http_1 = require("../util/http");
/** Body of GET /__lab/generation, or null when nginx does not answer (yet). */
function fetchGeneration({ host, port }, timeoutMs = 1000) {
    const target = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
    return (0, http_1.fetchGenerationAt)(target, port, timeoutMs);
}
/**
 * `nginx -t`; rejects with nginx's own message when the config is bad. Its
 * messages go to stderr (`-e stderr`), not to the running nginx's error log:
 * a refused config is the caller's error, not an [emerg] of the live nginx.
 */
function testConfig(binary, runDir, confPath) {
    const args = ['-t', '-p', runDir, '-c', confPath, '-e', 'stderr'];
    return new Promise((resolve, reject) => {
        (0, node_child_process_1.execFile)(binary, args, { timeout: 15_000 }, (err, stdout, stderr) => {
            const out = `${stdout}${stderr}`.trim();
            if (err)
                reject(new Error(`nginx -t failed for ${confPath}:\n${out || err.message}`));
            else
                resolve(out);
        });
    });
}
//# sourceMappingURL=control.js.map