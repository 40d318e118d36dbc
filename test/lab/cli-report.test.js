"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// `report --only` runs a subset: it must not replace the full run in
// reports/, must say where it writes, and must count the rows it wrote.
// hostile-client is the cheapest scenario (two topologies).
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const lab_cli_1 = require("../support/lab-cli");
jest.setTimeout(360_000);
function report(cwd, args) {
    return new Promise((done) => (0, node_child_process_1.execFile)(process.execPath, [lab_cli_1.MAIN, 'report', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, timeout: 300_000 }, (err, stdout, stderr) => done({ code: err ? (err.code ?? null) : 0, stdout, stderr })));
}
describe('lab report --only', () => {
    let cwd;
    beforeAll(lab_cli_1.ensureBuilt);
    beforeEach(() => (cwd = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'lab-cli-report-'))));
    afterEach(() => (0, node_fs_1.rmSync)(cwd, { recursive: true, force: true }));
    it('writes the subset beside the full report, says where, and counts the rows it wrote', async () => {
        const full = (0, node_path_1.join)(cwd, 'reports', 'matrix.json');
        (0, node_fs_1.mkdirSync)((0, node_path_1.join)(cwd, 'reports'));
        (0, node_fs_1.writeFileSync)(full, '"the full run"\n');
        const run = await report(cwd, ['--only', 'hostile-client']);
        const subset = (0, node_path_1.join)(cwd, 'reports', 'subset-hostile-client');
        expect([run.code, run.code === 0 ? '' : run.stderr]).toEqual([0, '']);
        expect(run.stderr).toMatch(`the report goes to ${subset}/`);
        expect((0, node_fs_1.readFileSync)(full, 'utf8')).toBe('"the full run"\n');
        const rows = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(subset, 'matrix.json'), 'utf8'));
        expect(rows.length).toBeGreaterThan(0);
        expect(run.stdout).toMatch(new RegExp(`^${rows.length} rows? written in \\d+ s → ${subset}/index\\.html`, 'm'));
        expect((0, node_fs_1.existsSync)((0, node_path_1.join)(subset, 'matrix.md'))).toBe(true);
    });
});
//# sourceMappingURL=cli-report.test.js.map