"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const compare_1 = require("./compare");
const model_1 = require("./model");
function caseRow(id, rps, cpu, kept) {
    return {
        id,
        group: 'nginx',
        label: id,
        load: {
            rps,
            p50: 1,
            p99: 4,
            errors: 0,
            error_kinds: {},
            requests: rps * 8,
            durationS: 8,
            users: 24,
            server_cpu_us_per_req: cpu,
            generator_cpu_us_per_req: 90,
            generator_busy: 0.3,
            generator_cpu_wait: 0.01,
            skew: 1.2,
        },
        ...(kept === undefined ? {} : { cart_kept: kept }),
    };
}
function report(cases, targetValue) {
    return {
        schema_version: model_1.SCHEMA_VERSION,
        cases,
        boot: [],
        memory: [],
        targets: [{ name: 'cart-api vs peer', value: targetValue, goal: '<= 1.0', met: false }],
    };
}
describe('bench --compare', () => {
    let dir;
    beforeAll(() => {
        dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'bench-compare-'));
    });
    afterAll(() => (0, node_fs_1.rmSync)(dir, { recursive: true, force: true }));
    const write = (name, text) => {
        const file = (0, node_path_1.join)(dir, name);
        (0, node_fs_1.writeFileSync)(file, text);
        return file;
    };
    it.each([
        ['a missing file', () => (0, node_path_1.join)(dir, 'nope.json'), /cannot read .*nope\.json: ENOENT/],
        ['not JSON', () => write('bad.json', '{"schema_version": 2, "cases": ['), /is not JSON/],
        ['a JSON array', () => write('array.json', '[]'), /not a bench report/],
        ['a report before v2', () => write('v1.json', JSON.stringify({ cases: [], targets: [] })), /schema version "none \(before v2\)"; this bench reads version 2 only/],
        ['another schema version', () => write('v9.json', JSON.stringify({ schema_version: 9, cases: [], targets: [] })), /schema version 9/],
        ['no cases', () => write('nocases.json', JSON.stringify({ schema_version: model_1.SCHEMA_VERSION, targets: [] })), /no cases or targets/],
    ])('refuses %s with a clear error', (_what, file, message) => {
        expect(() => (0, compare_1.loadReport)(file())).toThrow(compare_1.CompareInputError);
        expect(() => (0, compare_1.loadReport)(file())).toThrow(message);
    });
    it('reads a report it wrote', () => {
        const file = write('ok.json', JSON.stringify(report([caseRow('a', 100, 300)], 1)));
        expect((0, compare_1.loadReport)(file).cases[0].id).toBe('a');
    });
    it('gives each figure its change, and leaves the change blank where a side is missing', () => {
        const before = report([caseRow('a', 100, 300, 0.5), caseRow('gone', 10, 10)], 1.2);
        const after = report([caseRow('a', 110, 240, 1), caseRow('new', 20, 20)], null);
        const changes = (0, compare_1.compareReports)(before, after);
        const find = (subject, figure) => changes.find((c) => c.subject === subject && c.figure === figure);
        expect(find('a', 'server CPU µs/req')).toEqual({ subject: 'a', figure: 'server CPU µs/req', before: 300, after: 240, change: -0.2 });
        expect(find('a', 'req/s')?.change).toBe(0.1);
        expect(find('a', 'cart kept')?.change).toBe(1);
        expect(find('gone', 'req/s')).toMatchObject({ before: 10, after: null, change: null });
        expect(find('new', 'req/s')).toMatchObject({ before: null, after: 20, change: null });
        expect(find('target: cart-api vs peer', 'value')).toMatchObject({ before: 1.2, after: null, change: null });
        const text = (0, compare_1.renderComparison)('old.json', 'new.json', changes);
        expect(text).toMatch(/^\| a +\| +server CPU µs\/req \| +300 \| +240 \| +-20\.0 % \|$/m);
        expect(text).toMatch(/^\| a +\| +req\/s \| +100 \| +110 \| +\+10\.0 % \|$/m);
    });
});
//# sourceMappingURL=compare.spec.js.map