"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const skip_1 = require("../../../../test/support/skip");
const proc_1 = require("./proc");
const linux = process.platform === 'linux';
// The one /proc reader: read against this very process, so a parser that
// miscounts fields answers a wrong parent, not a plausible-looking number.
(linux ? describe : describe.skip)('util/proc on Linux', () => {
    it('reads state, parent and command line of this process', () => {
        expect((0, proc_1.statFields)(process.pid)?.[1]).toBe(String(process.ppid));
        expect((0, proc_1.schedState)(process.pid)).toMatch(/^[RS]$/);
        expect((0, proc_1.cmdline)(process.pid)).toContain('node');
        expect((0, proc_1.allPids)()).toContain(process.pid);
        expect((0, proc_1.childPids)(process.ppid)).toContain(process.pid);
    });
    it('answers "unknown" for a pid that does not exist', () => {
        const none = 2 ** 22 + 1; // above pid_max's ceiling
        expect([(0, proc_1.statFields)(none), (0, proc_1.schedState)(none), (0, proc_1.cmdline)(none), (0, proc_1.childPids)(none)]).toEqual([null, undefined, undefined, []]);
    });
});
if (!linux)
    (0, skip_1.noteSkip)('util/proc: /proc exists on Linux only');
//# sourceMappingURL=proc.spec.js.map