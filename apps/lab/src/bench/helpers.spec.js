"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const load_1 = require("./load");
const report_1 = require("./report");
const users_1 = require("./users");
describe('bench helpers', () => {
    it('merges Set-Cookie answers into one Cookie header, newest value winning', () => {
        const first = (0, users_1.mergeCookies)('', ['sid=s%3Aabc.sig; Path=/; HttpOnly; SameSite=Lax']);
        expect(first).toBe('sid=s%3Aabc.sig');
        expect((0, users_1.mergeCookies)(first, ['route=app2; Path=/', 'sid=s%3Anew.sig; Path=/'])).toBe('sid=s%3Anew.sig; route=app2');
    });
    it('gives users loopback addresses two to a /24, so ip-hash sees many keys', () => {
        expect([0, 1, 2, 3].map(users_1.userAddress)).toEqual(['127.77.1.1', '127.77.1.2', '127.77.2.1', '127.77.2.2']);
        const subnets = new Set(Array.from({ length: 24 }, (_, i) => (0, users_1.userAddress)(i).split('.').slice(0, 3).join('.')));
        expect(subnets.size).toBe(12);
        expect((0, users_1.userAddress)(users_1.MAX_USERS - 1)).toBe('127.77.254.2');
        expect(() => (0, users_1.userAddress)(users_1.MAX_USERS)).toThrow(RangeError);
        expect(() => (0, users_1.userAddress)(-1)).toThrow(RangeError);
    });
    it('takes per-replica requests between two readings and the skew they show', () => {
        // 300 requests over 3 replicas: the mean is 100, the busiest served 150
        expect((0, load_1.spread)({ app1: 10, app2: 0, app3: 5 }, { app1: 160, app2: 100, app3: 55 })).toEqual({
            replica_requests: { app1: 150, app2: 100, app3: 50 },
            skew: 1.5,
        });
        expect((0, load_1.spread)({ app1: 0 }, { app1: 0 })).toEqual({ replica_requests: { app1: 0 } });
        expect((0, load_1.spread)(undefined, { app1: 3 })).toEqual({});
    });
    it('keeps cart kept per user, and says nothing when no user read', () => {
        expect((0, load_1.cartKept)([{ reads: 4, kept: 4 }, { reads: 4, kept: 1 }, { reads: 0, kept: 0 }])).toEqual({
            per_user: [1, 0.25, null],
            mean: 0.625,
            users_always_kept: 0.5,
        });
        expect((0, load_1.cartKept)([{ reads: 0, kept: 0 }])).toMatchObject({ mean: null, users_always_kept: null });
    });
    it('takes percentiles by rank', () => {
        const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
        expect([(0, load_1.percentile)(sorted, 0.5), (0, load_1.percentile)(sorted, 0.99), (0, load_1.percentile)([], 0.5)]).toEqual([50, 99, 0]);
    });
    it('renders an aligned markdown table', () => {
        expect((0, report_1.table)(['case', 'req/s'], [['a', 1], ['longer', 1234]]).split('\n')).toEqual([
            '| case   | req/s |',
            '|:-------|------:|',
            '| a      |     1 |',
            '| longer |  1234 |',
        ]);
    });
});
//# sourceMappingURL=helpers.spec.js.map