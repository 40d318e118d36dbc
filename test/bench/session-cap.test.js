"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// The bench's session-cap rows, end to end with the BUILT bench in quick
// mode (SESSION_MAX 1 000): the machinery and the cap's arithmetic, never a
// speed. The cap refuses new sessions: the warm-up and the fill create
// exactly SESSION_MAX sessions, every further creation attempt is a 503, and
// nothing else comes back.
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const lab_cli_1 = require("../support/lab-cli");
const ROOT = (0, node_path_1.resolve)(__dirname, '../..');
const BENCH = (0, node_path_1.join)(ROOT, 'dist/apps/lab/bench/main.js');
const TIMEOUT_MS = 180_000;
jest.setTimeout(TIMEOUT_MS + 60_000);
beforeAll(lab_cli_1.ensureBuilt);
it('reports what SESSION_MAX does to a flood of session creations on one memory replica', async () => {
    const out = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'bench-cap-'));
    try {
        const run = await new Promise((done) => (0, node_child_process_1.execFile)(process.execPath, [BENCH, '--quick', '--only', 'session-cap', '--out', out], { cwd: ROOT, timeout: TIMEOUT_MS }, (err, stdout, stderr) => done({ code: err ? (err.code ?? null) : 0, stdout, stderr })));
        expect([run.code, run.stderr.match(/FAILED.*/)?.[0]]).toEqual([0, undefined]);
        expect(run.stdout).toMatch(/\| SESSION_MAX \(memory, 1-line cart\) \|/);
        const report = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(out, (0, node_fs_1.readdirSync)(out)[0]), 'utf8'));
        const [cap] = report.session_cap;
        expect(cap.session_max).toBe(1_000);
        expect(cap.sessions_held).toBe(cap.session_max);
        expect(cap.warmup_sessions + cap.created_201).toBe(cap.session_max);
        expect(cap.other).toBe(0);
        expect(cap.refused_503).toBeGreaterThanOrEqual(cap.attempts);
        expect(cap.scaled).toBe(cap.attempts < 1_000_000);
        for (const n of [cap.bytes_per_session, cap.rss_end_bytes, cap.rss_bound_bytes, cap.attempts_per_s])
            expect(Number.isFinite(n) && n > 0).toBe(true);
    }
    finally {
        (0, node_fs_1.rmSync)(out, { recursive: true, force: true });
    }
});
//# sourceMappingURL=session-cap.test.js.map