"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MissingBinaryError = void 0;
exports.findBinary = findBinary;
exports.requireBinary = requireBinary;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const SYSTEM_DIRS = ['/usr/sbin', '/usr/local/sbin', '/sbin', '/usr/bin', '/usr/local/bin'];
class MissingBinaryError extends Error {
    constructor(binary, aptPackage) {
        super(`${binary} not found. Install it with: sudo apt-get install -y ${aptPackage}` +
            ` (or run the stack with Docker Compose: docker compose up --build)`);
    }
}
exports.MissingBinaryError = MissingBinaryError;
/** Absolute path of `binary` from PATH or the usual sbin dirs, or null. */
function findBinary(binary) {
    const dirs = [...(process.env.PATH ?? '').split(node_path_1.delimiter), ...SYSTEM_DIRS].filter(Boolean);
    for (const dir of dirs) {
        const candidate = (0, node_path_1.join)(dir, binary);
        try {
            (0, node_fs_1.accessSync)(candidate, node_fs_1.constants.X_OK);
            return candidate;
        }
        catch {
            // not here
        }
    }
    return null;
}
function requireBinary(binary, aptPackage) {
    const found = findBinary(binary);
    if (!found)
        throw new MissingBinaryError(binary, aptPackage);
    return found;
}
//# sourceMappingURL=find-binary.js.map