"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.haproxyBinary = haproxyBinary;
exports.haproxyVersion = haproxyVersion;
exports.checkConfig = checkConfig;
const node_child_process_1 = require("node:child_process");
const find_binary_1 = require("../util/find-binary");
function haproxyBinary() {
    return (0, find_binary_1.requireBinary)('haproxy', 'haproxy');
}
/** `2.6.12` from `haproxy -v`. */
function haproxyVersion(binary = haproxyBinary()) {
    return new Promise((resolve, reject) => {
        (0, node_child_process_1.execFile)(binary, ['-v'], { timeout: 10_000 }, (err, stdout, stderr) => {
            const match = /version (\d+\.\d+\.\d+)/i.exec(`${stdout}${stderr}`);
            if (match)
                resolve(match[1]);
            else
                reject(new Error(`cannot read the version of ${binary}: ${err?.message ?? stderr}`));
        });
    });
}
/**
 * `haproxy -c`; rejects with HAProxy's own messages when the config is bad.
 * Resolves with the output, warnings included: callers may refuse those too.
 */
function checkConfig(binary, confPath, localPeer) {
    const args = ['-c', '-f', confPath, ...(localPeer ? ['-L', localPeer] : [])];
    return new Promise((resolve, reject) => {
        (0, node_child_process_1.execFile)(binary, args, { timeout: 15_000 }, (err, stdout, stderr) => {
            const out = `${stdout}${stderr}`.trim();
            if (err)
                reject(new Error(`haproxy -c failed for ${confPath}:\n${out || err.message}`));
            else
                resolve(out);
        });
    });
}
//# sourceMappingURL=binary.js.map