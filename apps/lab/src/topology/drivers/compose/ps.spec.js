"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const ps_1 = require("./ps");
describe('docker ps as replica states', () => {
    const out = [
        'c1\tapp1\trunning\tUp 3 minutes',
        'c2\tapp2\texited\tExited (137) 2 seconds ago',
        'c3\tapp3\texited\tExited (0) 1 second ago',
        'c4\tapp4\tpaused\tUp 1 minute (Paused)',
        'c5\tnginx\tcreated\tCreated',
        '',
        'garbage',
    ].join('\n');
    it('reads every container of the project by its service label, in one call', () => {
        expect((0, ps_1.psArgs)('sticky-lab-ab')).toEqual(expect.arrayContaining(['ps', '-a', 'label=com.docker.compose.project=sticky-lab-ab']));
        const ps = (0, ps_1.parsePs)(out);
        expect([...ps.keys()]).toEqual(['app1', 'app2', 'app3', 'app4', 'nginx']);
        expect(ps.get('app2')).toEqual({ id: 'c2', service: 'app2', state: 'exited', exitCode: 137 });
        expect(ps.get('app1')?.exitCode).toBeUndefined();
    });
    it('an exit by SIGKILL nobody asked for is killed, any other exit stopped; the lab\'s own stop stays a stop', () => {
        const ps = (0, ps_1.parsePs)(out);
        expect((0, ps_1.stateOf)(ps.get('app1'))).toBe('running');
        expect((0, ps_1.stateOf)(ps.get('app2'))).toBe('killed');
        expect((0, ps_1.stateOf)(ps.get('app3'))).toBe('stopped');
        expect((0, ps_1.stateOf)(ps.get('app4'))).toBe('paused');
        expect((0, ps_1.stateOf)(ps.get('nginx'))).toBe('starting');
        // `docker compose stop` that ran out of grace ends in SIGKILL (137): still the stop the lab asked for.
        expect((0, ps_1.stateOf)(ps.get('app2'), 'stop')).toBe('stopped');
        expect((0, ps_1.stateOf)(ps.get('app3'), 'kill')).toBe('killed');
        expect((0, ps_1.stateOf)(undefined)).toBe('stopped');
    });
});
//# sourceMappingURL=ps.spec.js.map