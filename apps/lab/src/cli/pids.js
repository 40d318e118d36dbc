"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pidAlive = void 0;
exports.pidGone = pidGone;
exports.startTick = startTick;
exports.startTicks = startTicks;
exports.sameProcess = sameProcess;
exports.descendants = descendants;
exports.killAll = killAll;
const pid_alive_1 = require("../util/pid-alive");
Object.defineProperty(exports, "pidAlive", { enumerable: true, get: function () { return pid_alive_1.pidAlive; } });
const proc_1 = require("../util/proc");
/** A process that exited but was not reaped yet still answers kill(pid, 0). */
function pidGone(pid) {
    if (!(0, pid_alive_1.pidAlive)(pid))
        return true;
    return (0, proc_1.schedState)(pid) === 'Z';
}
function parentOf(pid) {
    const fields = (0, proc_1.statFields)(pid);
    return fields ? Number(fields[1]) : null;
}
/** Start time in clock ticks since boot (field 22): with the pid, names one process for good. */
function startTick(pid) {
    const fields = (0, proc_1.statFields)(pid);
    return fields ? Number(fields[19]) : null;
}
function startTicks(pids) {
    const out = {};
    for (const pid of pids) {
        const tick = startTick(pid);
        if (tick !== null)
            out[pid] = tick;
    }
    return out;
}
/**
 * The process recorded as `pid` is still running: alive (not a zombie), and (when its start
 * time was recorded) not a newer process that reused the pid.
 */
function sameProcess(pid, starts = {}) {
    // a SIGKILLed supervisor whose parent is gone stays a zombie until init reaps it: dead all the same
    if (pidGone(pid))
        return false;
    const recorded = starts[pid];
    const now = startTick(pid);
    return recorded === undefined || now === null || recorded === now;
}
/** Every live descendant of `root` (Linux /proc; empty elsewhere). */
function descendants(root) {
    const children = new Map();
    for (const pid of (0, proc_1.allPids)()) {
        const parent = parentOf(pid);
        if (parent !== null)
            children.set(parent, [...(children.get(parent) ?? []), pid]);
    }
    const found = [];
    const queue = [root];
    while (queue.length) {
        for (const child of children.get(queue.shift()) ?? []) {
            found.push(child);
            queue.push(child);
        }
    }
    return found;
}
// A recorded pid may have been reused by an unrelated process since; only
// signal the very process recorded (start time) that still looks like what
// the lab starts.
const OURS = /node|nginx|redis/;
function looksLikeOurs(pid) {
    const line = (0, proc_1.cmdline)(pid);
    return line === undefined ? process.platform !== 'linux' : OURS.test(line);
}
/** SIGCONT (a paused process cannot die) then SIGKILL; returns the pids signalled. */
function killAll(pids, starts = {}) {
    const killed = [];
    for (const pid of new Set(pids)) {
        if (pid === process.pid || !sameProcess(pid, starts) || !looksLikeOurs(pid))
            continue;
        try {
            process.kill(pid, 'SIGCONT');
            process.kill(pid, 'SIGKILL');
            killed.push(pid);
        }
        catch {
            // already gone
        }
    }
    return killed;
}
//# sourceMappingURL=pids.js.map