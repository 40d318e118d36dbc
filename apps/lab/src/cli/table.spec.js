"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const output_1 = require("./output");
const table_1 = require("./table");
// eslint-disable-next-line no-control-regex
const strip = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
describe('renderTable', () => {
    it('aligns columns to the widest cell, numbers to the right', () => {
        const text = (0, table_1.renderTable)([
            { header: 'name', value: (r) => r.name },
            { header: 'pid', value: (r) => String(r.pid), align: 'right' },
        ], [
            { name: 'app1', pid: 7 },
            { name: 'app10', pid: 12345 },
        ]);
        expect(text.split('\n')).toEqual(['NAME     PID', 'app1       7', 'app10  12345']);
    });
    it('ignores colour codes when measuring', () => {
        const text = (0, table_1.renderTable)([
            { header: 'name', value: (r) => (0, output_1.paint)({ color: true }, 'green', r.name) },
            { header: 'pid', value: (r) => String(r.pid) },
        ], [
            { name: 'a', pid: 1 },
            { name: 'running', pid: 2 },
        ]);
        expect(text).toContain('\x1b[32m');
        expect(strip(text).split('\n')).toEqual(['NAME     PID', 'a        1', 'running  2']);
    });
});
//# sourceMappingURL=table.spec.js.map