"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.excludeFromServerCpu = excludeFromServerCpu;
exports.serverCpuMs = serverCpuMs;
exports.serverPids = serverPids;
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
let ticksPerSecond;
/** Processes the bench started that serve nothing (the load generator): never counted as server CPU. */
const notServers = new Set();
function excludeFromServerCpu(pid) {
    notServers.add(pid);
}
function clockTicks() {
    if (ticksPerSecond === undefined) {
        try {
            ticksPerSecond = Number((0, node_child_process_1.execFileSync)('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
        }
        catch {
            ticksPerSecond = 100;
        }
    }
    return ticksPerSecond;
}
function procStat(pid) {
    try {
        const text = (0, node_fs_1.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // The command name may hold spaces and parentheses: fields start after the last ')'.
        const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
        return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
    }
    catch {
        return undefined; // exited meanwhile
    }
}
/**
 * CPU milliseconds used so far by the `roots` processes and their
 * descendants; by default every descendant of this process but the load
 * generator, i.e. every server the bench started (replicas, nginx master
 * and workers, redis).
 * Unlike req/s it barely moves when other work shares the cores.
 */
function serverCpuMs(roots) {
    const { stats, pids } = serverTree(roots);
    const ticks = pids.reduce((sum, pid) => sum + (stats.get(pid)?.ticks ?? 0), 0);
    return (ticks * 1000) / clockTicks();
}
/** Every server process the bench started (not the generator), as in serverCpuMs. */
function serverPids() {
    return serverTree().pids;
}
function serverTree(roots) {
    const stats = new Map();
    for (const entry of (0, node_fs_1.readdirSync)('/proc')) {
        if (!/^\d+$/.test(entry))
            continue;
        const s = procStat(Number(entry));
        if (s)
            stats.set(Number(entry), s);
    }
    const children = new Map();
    for (const [pid, s] of stats)
        children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
    const pids = [];
    const queue = roots ? [...roots] : (children.get(process.pid) ?? []).filter((pid) => !notServers.has(pid));
    while (queue.length) {
        const pid = queue.pop();
        pids.push(pid);
        queue.push(...(children.get(pid) ?? []));
    }
    return { stats, pids };
}
//# sourceMappingURL=cpu.js.map