"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const wait_1 = require("../util/wait");
const pids_1 = require("./pids");
// /proc bookkeeping that `down` relies on to kill what a dead supervisor left
// behind, and nothing else.
describe('pids', () => {
    it('finds a child, recognises it by start time and kills it', async () => {
        const child = (0, node_child_process_1.spawn)(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
        const exited = new Promise((r) => child.once('exit', r));
        const pid = child.pid;
        expect((0, pids_1.descendants)(process.pid)).toContain(pid);
        const starts = (0, pids_1.startTicks)([pid]);
        expect(starts[pid]).toBe((0, pids_1.startTick)(pid));
        expect((0, pids_1.sameProcess)(pid, starts)).toBe(true);
        // a recorded start time that differs means the pid now names another process
        expect((0, pids_1.sameProcess)(pid, { [pid]: starts[pid] - 1 })).toBe(false);
        expect((0, pids_1.killAll)([pid], { [pid]: starts[pid] - 1 })).toEqual([]);
        expect((0, pids_1.killAll)([pid], starts)).toEqual([pid]);
        await exited;
        expect(child.signalCode).toBe('SIGKILL');
    });
    it('takes a zombie (exited, not reaped: a SIGKILLed supervisor whose parent is gone) for dead', async () => {
        // `sleep 30` inherits the exited `sleep 0` as a child and never waits for it
        const parent = (0, node_child_process_1.spawn)('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30']);
        try {
            const zombie = Number(await new Promise((r) => parent.stdout.once('data', (d) => r(String(d)))));
            await (0, wait_1.waitFor)(`pid ${zombie} to be a zombie`, () => (0, node_fs_1.readFileSync)(`/proc/${zombie}/stat`, 'utf8').split(') ')[1].startsWith('Z'));
            expect((0, pids_1.pidAlive)(zombie)).toBe(true);
            expect((0, pids_1.sameProcess)(zombie)).toBe(false);
        }
        finally {
            parent.kill('SIGKILL');
        }
    });
    it('never signals itself', () => {
        expect((0, pids_1.killAll)([process.pid])).toEqual([]);
    });
});
//# sourceMappingURL=pids.spec.js.map