"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.trackPids = trackPids;
exports.processTree = processTree;
exports.killTreeNow = killTreeNow;
exports.reapAll = reapAll;
// Last-resort teardown: when the lab's Node process ends without `down()`
// having run (a crashed test, an uncaught error, a signal nobody handles),
// every child it started and their children (nginx workers) get SIGKILL,
// synchronously, and the run dirs are removed. Orderly teardown stays the
// job of Topology.down(); a CLI that handles signals itself takes precedence.
const node_fs_1 = require("node:fs");
const proc_1 = require("./proc");
const tracked = new Set();
const FATAL_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let installed = false;
/** Registers a live set of pids (read again at exit time) and an optional dir to remove; returns an unregister function. */
function trackPids(pids, dir) {
    install();
    const entry = { pids, dir };
    tracked.add(entry);
    return () => tracked.delete(entry);
}
/** Pids of `pid` and all its descendants (Linux /proc; just `pid` elsewhere). */
function processTree(pid) {
    const out = [pid];
    for (let i = 0; i < out.length; i++)
        out.push(...(0, proc_1.childPids)(out[i]));
    return out;
}
function killTreeNow(pid) {
    for (const p of processTree(pid)) {
        for (const sig of ['SIGCONT', 'SIGKILL']) {
            try {
                process.kill(p, sig);
            }
            catch {
                // already gone
            }
        }
    }
}
function reapAll() {
    for (const t of tracked) {
        for (const pid of t.pids())
            if (pid)
                killTreeNow(pid);
        if (t.dir && !process.env.LAB_KEEP_RUN_DIR)
            (0, node_fs_1.rmSync)(t.dir, { recursive: true, force: true });
    }
    tracked.clear();
}
function install() {
    if (installed)
        return;
    installed = true;
    process.on('exit', reapAll);
    for (const sig of FATAL_SIGNALS) {
        const onSignal = () => {
            // Someone else (the CLI) handles this signal and will run down().
            if (process.listenerCount(sig) > 1)
                return;
            reapAll();
            process.removeListener(sig, onSignal);
            process.kill(process.pid, sig);
        };
        process.on(sig, onSignal);
    }
}
//# sourceMappingURL=reaper.js.map