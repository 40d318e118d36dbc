"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.caveatFor = caveatFor;
exports.describeMachine = describeMachine;
const node_child_process_1 = require("node:child_process");
const node_os_1 = require("node:os");
const find_binary_1 = require("../util/find-binary");
function caveatFor(p, cores) {
    if (p.pinned) {
        return (`servers pinned to core(s) ${p.servers} while measured (they boot on every core), load generator (${p.generatorProcesses} process) on core(s) ${p.generator} (taskset); ` +
            'other work on the machine still shares them: trust the server CPU per request and the ratios of one run more than req/s');
    }
    return (`NOT pinned (${p.reason}): the load generator and the servers share these ${cores} cores; ` +
        'absolute figures are noise, compare the server CPU per request and the ratios measured in the same run');
}
/** `binary args` output matched against `pattern`; nginx prints its version on stderr, redis on stdout. */
function versionOf(binary, args, pattern) {
    const path = (0, find_binary_1.findBinary)(binary);
    if (!path)
        return null;
    const res = (0, node_child_process_1.spawnSync)(path, args, { encoding: 'utf8', timeout: 5_000 });
    return pattern.exec(`${res.stdout ?? ''}${res.stderr ?? ''}`)?.[1] ?? null;
}
function describeMachine(pinning) {
    const list = (0, node_os_1.cpus)();
    return {
        cpu: list[0]?.model.trim() ?? 'unknown',
        cores: list.length,
        memory_gib: Math.round(((0, node_os_1.totalmem)() / 2 ** 30) * 10) / 10,
        node: process.version,
        nginx: versionOf('nginx', ['-v'], /nginx\/(\S+)/),
        redis: versionOf('redis-server', ['--version'], /v=(\S+)/),
        caveat: caveatFor(pinning, list.length),
    };
}
//# sourceMappingURL=machine.js.map