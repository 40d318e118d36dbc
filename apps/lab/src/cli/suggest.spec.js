"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const suggest_1 = require("./suggest");
describe('nearest', () => {
    const options = ['--strategy', '--store', '--replicas', '--port', '--dashboard-port', '--detach', '--json'];
    it.each([
        ['--replica', '--replicas'],
        ['--stratgy', '--strategy'],
        ['--dashbord-port', '--dashboard-port'],
        ['--jsn', '--json'],
        ['--dash', '--dashboard-port'],
    ])('%s → %s', (typo, expected) => expect((0, suggest_1.nearest)(typo, options)).toBe(expected));
    it('suggests nothing for something unrelated', () => {
        expect((0, suggest_1.nearest)('--verbose', options)).toBeUndefined();
        expect((0, suggest_1.nearest)('-x', options)).toBeUndefined();
    });
});
//# sourceMappingURL=suggest.spec.js.map