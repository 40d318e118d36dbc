"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.pidAlive = pidAlive;
/** True while a process with this pid exists: signal 0 probes without signalling, EPERM means it exists. */
function pidAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        return err.code === 'EPERM';
    }
}
//# sourceMappingURL=pid-alive.js.map