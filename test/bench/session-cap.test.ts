// The bench's session-cap rows, end to end with the BUILT bench in quick
// mode (SESSION_MAX 1 000): the machinery and the cap's arithmetic, never a
// speed. The cap refuses new sessions: the warm-up and the fill create
// exactly SESSION_MAX sessions, every further creation attempt is a 503, and
// nothing else comes back.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SessionCapResult } from '../../apps/lab/src/bench/groups/session-cap';
import { ensureBuilt } from '../support/lab-cli';

const ROOT = resolve(__dirname, '../..');
const BENCH = join(ROOT, 'dist/apps/lab/bench/main.js');
const TIMEOUT_MS = 180_000;
jest.setTimeout(TIMEOUT_MS + 60_000);

beforeAll(ensureBuilt);

it('reports what SESSION_MAX does to a flood of session creations on one memory replica', async () => {
  const out = mkdtempSync(join(tmpdir(), 'bench-cap-'));
  try {
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
      execFile(process.execPath, [BENCH, '--quick', '--only', 'session-cap', '--out', out], { cwd: ROOT, timeout: TIMEOUT_MS }, (err, stdout, stderr) =>
        done({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
      ),
    );
    expect([run.code, run.stderr.match(/FAILED.*/)?.[0]]).toEqual([0, undefined]);
    expect(run.stdout).toMatch(/\| SESSION_MAX \(memory, 1-line cart\) \|/);
    const report = JSON.parse(readFileSync(join(out, readdirSync(out)[0]), 'utf8')) as { session_cap: SessionCapResult[] };
    const [cap] = report.session_cap;
    expect(cap.session_max).toBe(1_000);
    expect(cap.sessions_held).toBe(cap.session_max);
    expect(cap.warmup_sessions + cap.created_201).toBe(cap.session_max);
    expect(cap.other).toBe(0);
    expect(cap.refused_503).toBeGreaterThanOrEqual(cap.attempts);
    expect(cap.scaled).toBe(cap.attempts < 1_000_000);
    for (const n of [cap.bytes_per_session, cap.rss_end_bytes, cap.rss_bound_bytes, cap.attempts_per_s]) expect(Number.isFinite(n) && n > 0).toBe(true);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
