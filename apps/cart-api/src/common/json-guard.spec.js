"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const json_guard_1 = require("./json-guard");
const check = (text) => () => (0, json_guard_1.verifyJsonDepth)(undefined, undefined, Buffer.from(text));
const nested = (depth) => '['.repeat(depth) + ']'.repeat(depth);
describe('verifyJsonDepth', () => {
    it(`accepts ${json_guard_1.MAX_JSON_DEPTH} levels and refuses one more with a 400`, () => {
        expect(check(nested(json_guard_1.MAX_JSON_DEPTH))).not.toThrow();
        expect(check(nested(json_guard_1.MAX_JSON_DEPTH + 1))).toThrow(expect.objectContaining({ status: 400, expose: true }));
    });
    it('does not count brackets inside strings, escaped quotes included', () => {
        expect(check(JSON.stringify({ sku: '[[[[[[[[[[{{{{{{{{{{', note: 'a \\" [[[[[[[[[[[[' }))).not.toThrow();
        expect(check(`{"a":"\\\\"}`)).not.toThrow(); // an escaped backslash ends the string
    });
    it('counts depth, not the number of brackets', () => {
        expect(check(JSON.stringify(Array.from({ length: 1000 }, () => [[1]])))).not.toThrow();
    });
});
//# sourceMappingURL=json-guard.spec.js.map