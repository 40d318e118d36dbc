"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// `npm run lab -- report` end to end: the BUILT CLI (npm test builds first)
// runs one cheap scenario and writes the three report files.
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const topology_1 = require("../support/topology");
const skip_1 = require("../support/skip");
const ROOT = (0, node_path_1.join)(__dirname, '..', '..');
const MAIN = (0, node_path_1.join)(ROOT, 'dist/apps/lab/main.js');
function lab(args, cwd) {
    return new Promise((resolve) => {
        (0, node_child_process_1.execFile)(process.execPath, [MAIN, ...args], { cwd, timeout: 110_000, env: { ...process.env, NO_COLOR: '1' } }, (err, stdout, stderr) => resolve({ code: err ? (err.code ?? 1) : 0, stdout, stderr }));
    });
}
describe('lab report', () => {
    let dir;
    beforeEach(() => {
        if (!(0, node_fs_1.existsSync)(MAIN))
            throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
        dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'lab-report-'));
    });
    afterEach(() => (0, node_fs_1.rmSync)(dir, { recursive: true, force: true }));
    it('rejects an unknown scenario with the list of known ones', async () => {
        const r = await lab(['report', '--only', 'steady-state,nope'], dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('unknown scenario nope');
        expect(r.stderr).toContain('hostile-client');
    });
    const missing = (0, topology_1.missingBinaries)('redis');
    if (missing.length)
        (0, skip_1.noteSkip)(`report-cli matrix files: ${missing.join(', ')} not installed`);
    (missing.length ? it.skip : it)(`writes matrix.json, matrix.md and index.html${missing.length ? ` [skipped: ${missing.join(', ')} not installed]` : ''}`, async () => {
        const r = await lab(['report', '--only', 'hostile-client', '--out', 'out', '--json'], dir);
        expect({ code: r.code, stderr: r.code ? r.stderr : '' }).toEqual({ code: 0, stderr: '' });
        const rows = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, 'out', 'matrix.json'), 'utf8'));
        expect(rows.map((x) => `${x.strategy}/${x.store}`)).toEqual(['sticky-cookie/memory', 'sticky-cookie/redis']);
        expect(JSON.parse(r.stdout).rows).toEqual(rows);
        // Progress went to stderr, one finished line per measurement.
        expect(r.stderr.match(/^✓ \[\d\/2\] hostile-client/gm)).toHaveLength(2);
        expect((0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, 'out', 'matrix.md'), 'utf8')).toContain('## Hostile client (`hostile-client`)');
        expect((0, node_fs_1.readFileSync)((0, node_path_1.join)(dir, 'out', 'index.html'), 'utf8')).toMatch(/^<!doctype html>/);
    }, 120_000);
});
//# sourceMappingURL=report-cli.test.js.map