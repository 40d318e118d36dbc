"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const follow_1 = require("./follow");
describe('newPart', () => {
    it('is what follows the last printed text', () => {
        expect((0, follow_1.newPart)('a\nb\nc\n', 'b\n')).toBe('c\n');
        expect((0, follow_1.newPart)('a\nb\n', 'a\nb\n')).toBe('');
    });
    it('is everything on the first read, or when the anchor scrolled out of a bounded log', () => {
        expect((0, follow_1.newPart)('a\n', '')).toBe('a\n');
        expect((0, follow_1.newPart)('x\ny\n', 'b\n')).toBe('x\ny\n');
    });
});
//# sourceMappingURL=follow.spec.js.map