"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_child_process_1 = require("node:child_process");
const node_os_1 = require("node:os");
const skip_1 = require("../../../../test/support/skip");
const find_binary_1 = require("../util/find-binary");
const pinning_1 = require("./pinning");
const affinity = () => /:\s*(\S+)\s*$/.exec((0, node_child_process_1.spawnSync)('taskset', ['-c', '-p', String(process.pid)], { encoding: 'utf8' }).stdout)?.[1];
const canPin = !!(0, find_binary_1.findBinary)('taskset') && (0, node_os_1.cpus)().length >= 2;
if (!canPin)
    (0, skip_1.noteSkip)('bench pinning: moving the bench between cores needs taskset and 2 cores');
const itIfPin = canPin ? it : it.skip;
describe('bench pinning', () => {
    it('gives the generator a quarter of the cores, at least one, and the servers the rest', () => {
        expect((0, pinning_1.splitCores)(2)).toEqual({ servers: [0], generator: [1] });
        expect((0, pinning_1.splitCores)(4)).toEqual({ servers: [0, 1, 2], generator: [3] });
        expect((0, pinning_1.splitCores)(8)).toEqual({ servers: [0, 1, 2, 3, 4, 5], generator: [6, 7] });
    });
    it('says why when it does not pin, and then starts the generator without taskset', () => {
        const p = (0, pinning_1.pinServers)(true);
        expect(p).toMatchObject({ pinned: false, servers: null, generator: null, generatorProcesses: 1, reason: '--no-pin given' });
        expect((0, pinning_1.pinnedCommand)(p, ['/usr/bin/node', 'worker.js'])).toEqual({ file: '/usr/bin/node', args: ['worker.js'] });
    });
    it('prefixes taskset with the generator cores when pinned', () => {
        const p = { pinned: true, servers: '0', generator: '1', generatorProcesses: 1 };
        const cmd = (0, pinning_1.pinnedCommand)(p, ['/usr/bin/node', 'worker.js']);
        // taskset may be missing on a build machine: then the command runs unpinned rather than failing
        if (cmd.file.endsWith('taskset'))
            expect(cmd.args).toEqual(['-c', '1', '/usr/bin/node', 'worker.js']);
        else
            expect(cmd).toEqual({ file: '/usr/bin/node', args: ['worker.js'] });
    });
    itIfPin('moves the bench process to the generator cores for its own load, and back', async () => {
        const original = affinity();
        const last = String((0, node_os_1.cpus)().length - 1);
        const seen = await (0, pinning_1.onGeneratorCores)({ pinned: true, servers: '0', generator: last, all: original, generatorProcesses: 1 }, async () => affinity());
        expect(seen).toBe(last);
        expect(affinity()).toBe(original);
    });
    it('leaves the process where it is when nothing is pinned', async () => {
        const before = canPin ? affinity() : undefined;
        expect(await (0, pinning_1.onGeneratorCores)((0, pinning_1.pinServers)(true), async () => 42)).toBe(42);
        if (canPin)
            expect(affinity()).toBe(before);
    });
});
//# sourceMappingURL=pinning.spec.js.map