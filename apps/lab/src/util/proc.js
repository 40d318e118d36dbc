"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.statFields = statFields;
exports.schedState = schedState;
exports.cmdline = cmdline;
exports.allPids = allPids;
exports.childPids = childPids;
// Linux /proc reading in one place; every function degrades to "unknown"
// (undefined or []) where /proc does not exist.
const node_fs_1 = require("node:fs");
function read(path) {
    try {
        return (0, node_fs_1.readFileSync)(path, 'utf8');
    }
    catch {
        return undefined;
    }
}
/**
 * Fields 3.. of /proc/<pid>/stat ([0] = state, [1] = parent pid, …), or null
 * without /proc or the process. Field 2 (comm) may hold spaces and
 * parentheses, so the split starts after its last ')'.
 */
function statFields(pid) {
    const stat = read(`/proc/${pid}/stat`);
    return stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ') : null;
}
/** Scheduler state letter (R, S, T = stopped, Z = zombie, …), undefined without /proc or the process. */
function schedState(pid) {
    return statFields(pid)?.[0]?.[0];
}
/** The command line, NUL-separated as the kernel keeps it; undefined when gone or without /proc. */
function cmdline(pid) {
    return read(`/proc/${pid}/cmdline`);
}
/** Every pid /proc lists now; [] without /proc. */
function allPids() {
    try {
        return (0, node_fs_1.readdirSync)('/proc').filter((e) => /^\d+$/.test(e)).map(Number);
    }
    catch {
        return [];
    }
}
/** Direct children of `pid` (its main thread's), [] when gone or without /proc. */
function childPids(pid) {
    const kids = read(`/proc/${pid}/task/${pid}/children`)?.trim();
    return kids ? kids.split(/\s+/).map(Number) : [];
}
//# sourceMappingURL=proc.js.map