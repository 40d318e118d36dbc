"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.splitCores = splitCores;
exports.pinServers = pinServers;
exports.pinServerProcesses = pinServerProcesses;
exports.pinnedCommand = pinnedCommand;
exports.onGeneratorCores = onGeneratorCores;
const node_child_process_1 = require("node:child_process");
const node_os_1 = require("node:os");
const find_binary_1 = require("../util/find-binary");
const cpu_1 = require("./cpu");
/** Cores split between servers and generator: the generator gets a quarter, at least one. */
function splitCores(cores) {
    const gen = Math.max(1, Math.floor(cores / 4));
    const all = Array.from({ length: cores }, (_, i) => i);
    return { servers: all.slice(0, cores - gen), generator: all.slice(cores - gen) };
}
function affinityOf(pid, taskset) {
    const res = (0, node_child_process_1.spawnSync)(taskset, ['-c', '-p', String(pid)], { encoding: 'utf8', timeout: 5_000 });
    const list = /:\s*([\d,-]+)\s*$/.exec(res.stdout ?? '')?.[1];
    if (res.status !== 0 || !list)
        return null;
    return list.split(',').flatMap((part) => {
        const [a, b] = part.split('-').map(Number);
        return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, i) => a + i);
    });
}
/**
 * Decides which cores the servers and the generator get. Nothing moves yet:
 * servers boot on every core (as `lab up` does) and are pinned just before
 * they are measured (pinServerProcesses). `disabled` (--no-pin), a missing
 * `taskset` or a single allowed core pins nothing, and says so.
 */
function pinServers(disabled = false) {
    const unpinned = (reason) => ({ pinned: false, servers: null, generator: null, generatorProcesses: 1, reason });
    if (disabled)
        return unpinned('--no-pin given');
    const taskset = (0, find_binary_1.findBinary)('taskset');
    if (!taskset)
        return unpinned('taskset not installed (util-linux)');
    const allowed = affinityOf(process.pid, taskset) ?? (0, node_os_1.cpus)().map((_, i) => i);
    if (allowed.length < 2)
        return unpinned(`only ${allowed.length} core allowed to this process`);
    const split = splitCores(allowed.length);
    const servers = split.servers.map((i) => allowed[i]).join(',');
    const generator = split.generator.map((i) => allowed[i]).join(',');
    return { pinned: true, servers, generator, all: allowed.join(','), generatorProcesses: split.generator.length };
}
/**
 * Pins every server process the bench started (replicas, nginx and its
 * workers, redis-server; never the generator) to the server cores, all their
 * threads. A process that exited meanwhile is skipped.
 */
function pinServerProcesses(p) {
    const taskset = p.pinned && p.servers ? (0, find_binary_1.findBinary)('taskset') : null;
    if (!taskset || !p.servers)
        return;
    for (const pid of (0, cpu_1.serverPids)())
        (0, node_child_process_1.spawnSync)(taskset, ['-a', '-c', '-p', p.servers, String(pid)], { stdio: 'ignore', timeout: 5_000 });
}
/** The command that starts a generator process on its cores (taskset prefix when pinned). */
function pinnedCommand(p, argv) {
    const taskset = p.pinned ? (0, find_binary_1.findBinary)('taskset') : null;
    if (!taskset || !p.generator)
        return { file: argv[0], args: argv.slice(1) };
    return { file: taskset, args: ['-c', p.generator, ...argv] };
}
function setAffinity(cores) {
    const taskset = (0, find_binary_1.findBinary)('taskset');
    if (!taskset)
        return;
    const res = (0, node_child_process_1.spawnSync)(taskset, ['-a', '-c', '-p', cores, String(process.pid)], { encoding: 'utf8', timeout: 5_000 });
    if (res.status !== 0)
        throw new Error(`taskset ${cores} failed: ${(res.stderr ?? '').trim()}`);
}
/**
 * Runs load the bench process itself generates (autocannon creating sessions)
 * on the generator cores, then gives the bench every core back. Processes
 * started meanwhile would inherit the generator cores: `fn` must start none.
 */
async function onGeneratorCores(p, fn) {
    if (!p.pinned || !p.generator || !p.all)
        return fn();
    setAffinity(p.generator);
    try {
        return await fn();
    }
    finally {
        setAffinity(p.all);
    }
}
//# sourceMappingURL=pinning.js.map