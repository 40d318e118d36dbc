"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const report_1 = require("./report");
describe('report output directory', () => {
    it('writes the full run to reports/', () => {
        expect((0, report_1.defaultOut)()).toBe('reports');
        expect((0, report_1.defaultOut)([])).toBe('reports');
    });
    it('writes a subset beside it, never over it, named after what ran', () => {
        expect((0, report_1.defaultOut)(['nat'])).toBe('reports/subset-nat');
        expect((0, report_1.defaultOut)(['scale-out', 'nat'])).toBe('reports/subset-nat-scale-out');
    });
});
//# sourceMappingURL=report.spec.js.map