"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.signalGroup = signalGroup;
exports.killGroup = killGroup;
exports.readTextOrEmpty = readTextOrEmpty;
const node_fs_1 = require("node:fs");
const wait_1 = require("./wait");
/** Signals a whole process group (a master and its workers); false when none is left to signal. */
function signalGroup(pid, signal) {
    if (!pid)
        return false;
    try {
        process.kill(-pid, signal);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * SIGKILLs the group until it is empty: workers outliving a killed master
 * would keep the port.
 */
async function killGroup(what, pid, running) {
    if (!pid)
        return;
    await (0, wait_1.waitFor)(`${what} processes to exit`, () => !signalGroup(pid, 'SIGKILL') && !running(), { timeoutMs: 10_000 });
}
/** A file's text, or '' when it is not there (yet): logs a process may not have written. */
function readTextOrEmpty(path) {
    try {
        return (0, node_fs_1.readFileSync)(path, 'utf8');
    }
    catch {
        return '';
    }
}
//# sourceMappingURL=process-group.js.map