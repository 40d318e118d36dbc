"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nginxBinary = nginxBinary;
exports.nginxVersion = nginxVersion;
exports.supportsNativeSticky = supportsNativeSticky;
const node_child_process_1 = require("node:child_process");
const find_binary_1 = require("../util/find-binary");
function nginxBinary() {
    return (0, find_binary_1.requireBinary)('nginx', 'nginx');
}
/** `1.22.1` from `nginx -v` (which prints to stderr). */
function nginxVersion(binary = nginxBinary()) {
    return new Promise((resolve, reject) => {
        (0, node_child_process_1.execFile)(binary, ['-v'], { timeout: 10_000 }, (err, stdout, stderr) => {
            const match = /nginx\/(\d+\.\d+\.\d+)/.exec(`${stderr}${stdout}`);
            if (match)
                resolve(match[1]);
            else
                reject(new Error(`cannot read the version of ${binary}: ${err?.message ?? stderr}`));
        });
    });
}
/** The open-source `sticky` directive appeared in nginx 1.29.6. */
function supportsNativeSticky(version) {
    const [major = 0, minor = 0, patch = 0] = version.split('.').map((n) => Number.parseInt(n, 10) || 0);
    if (major !== 1)
        return major > 1;
    return minor > 29 || (minor === 29 && patch >= 6);
}
//# sourceMappingURL=version.js.map