"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const harness_1 = require("./harness");
const index_1 = require("./index");
const catalog_1 = require("./catalog");
describe('shuffled', () => {
    it('is a permutation, reproducible per seed, and differs between seeds', () => {
        const xs = Array.from({ length: 30 }, (_, i) => i);
        expect([...(0, harness_1.shuffled)(xs, 1)].sort((a, b) => a - b)).toEqual(xs);
        expect((0, harness_1.shuffled)(xs, 7)).toEqual((0, harness_1.shuffled)(xs, 7));
        expect((0, harness_1.shuffled)(xs, 1)).not.toEqual((0, harness_1.shuffled)(xs, 2));
    });
});
describe('scenario registry', () => {
    it('runs every catalogued scenario, in catalogue order', () => {
        expect(index_1.SCENARIOS.map((s) => s.id)).toEqual(catalog_1.CATALOG.map((s) => s.id));
    });
    it('keeps the matrix within the boot budget', () => {
        expect((0, index_1.bootCount)()).toBeLessThanOrEqual(80);
    });
    it('runs every scenario at least once behind each balancer', () => {
        for (const s of index_1.SCENARIOS) {
            expect([s.id, [...new Set(s.params.map((p) => p.balancer ?? 'nginx'))].sort()]).toEqual([s.id, expect.arrayContaining(['haproxy', 'nginx'])]);
        }
    });
    it('never lists a parametrisation twice (balancer and Redis persistence tell two apart)', () => {
        for (const s of index_1.SCENARIOS) {
            const keys = s.params.map((p) => `${p.balancer ?? 'nginx'}/${p.strategy}/${p.store}/${p.redisPersistence ?? 'none'}`);
            expect(new Set(keys).size).toBe(keys.length);
        }
    });
});
//# sourceMappingURL=harness.spec.js.map