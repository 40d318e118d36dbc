// Proves `npm run bench -- --quick` works end to end: it runs the BUILT bench
// once and checks that it exited 0, printed the tables and wrote a JSON with
// every case and every target field. It never asserts a speed: figures on a
// shared machine are noise, and the bench exists to report them, not to gate.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findBinary } from '../../apps/lab/src/util/find-binary';
import { STRATEGIES } from '../../apps/lab/src/topology/topology';
import { noteSkip } from '../support/skip';

const ROOT = resolve(__dirname, '../..');
const BENCH = join(ROOT, 'dist/apps/lab/bench/main.js');
const BENCH_TIMEOUT_MS = 420_000;
jest.setTimeout(BENCH_TIMEOUT_MS + 60_000);

const EXPECTED_CASES = [
  'ceiling.direct',
  'ceiling.nginx',
  'peer.get',
  'direct.memory.get',
  'direct.memory.post',
  'direct.redis.get',
  'direct.redis.post',
  'nginx.one.direct',
  'nginx.one.via-nginx',
  ...['memory', 'redis'].flatMap((store) => STRATEGIES.map((s) => `nginx.${store}.${s}`)),
];
const LOAD_FIELDS = ['rps', 'p50', 'p99', 'errors', 'requests', 'durationS', 'connections', 'server_cpu_us_per_req'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  report: Record<string, unknown>;
}

const missing = ['nginx', 'redis-server'].filter((b) => !findBinary(b));
if (missing.length) {
  noteSkip(`bench-quick: ${missing.join(' and ')} not installed (sudo apt-get install -y nginx redis-server)`);
}
const describeIfTools = missing.length ? describe.skip : describe;

function runBench(outDir: string): Promise<Omit<Run, 'report'>> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BENCH, '--quick', '--out', outDir],
      { cwd: ROOT, timeout: BENCH_TIMEOUT_MS, maxBuffer: 16 * 2 ** 20 },
      (err, stdout, stderr) => {
        const code = err ? (err as { code?: number }).code : 0;
        done({ code: typeof code === 'number' ? code : null, stdout, stderr });
      },
    );
  });
}

function isNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

describeIfTools('npm run bench -- --quick', () => {
  let outDir: string;
  let run: Run;

  beforeAll(async () => {
    if (!existsSync(BENCH)) execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });
    outDir = mkdtempSync(join(tmpdir(), 'bench-quick-'));
    const result = await runBench(outDir);
    const files = readdirSync(outDir).filter((f) => f.endsWith('.json'));
    const report = files.length === 1 ? JSON.parse(readFileSync(join(outDir, files[0]), 'utf8')) : {};
    run = { ...result, report };
    if (result.code !== 0 || files.length !== 1) {
      console.error(`bench exited ${result.code}, wrote ${files.length} JSON files\n--- stderr\n${result.stderr}\n--- stdout\n${result.stdout}`);
    }
  });

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('exits 0 and reports no failed group', () => {
    expect(run.code).toBe(0);
    expect(run.report.failures).toEqual([]);
  });

  it('prints the machine, the cases table and the targets table', () => {
    expect(run.stdout).toMatch(/^Machine: .+ \d+ cores/m);
    expect(run.stdout).toMatch(/^\| case +\| req\/s \| p50 ms \| p99 ms \| errors \|/m);
    expect(run.stdout).toMatch(/^\| target +\| value/m);
    expect(run.stdout).toMatch(/^\| lab boot/m);
    expect(run.stdout).toMatch(/^\| sessions \(memory store/m);
  });

  it('writes every case with numeric load figures', () => {
    const cases = run.report.cases as Array<{ id: string; load: Record<string, unknown> }>;
    expect(cases.map((c) => c.id).sort()).toEqual([...EXPECTED_CASES].sort());
    for (const c of cases) {
      for (const field of LOAD_FIELDS) expect([c.id, field, isNumber(c.load[field])]).toEqual([c.id, field, true]);
      expect([c.id, c.load.requests as number > 0]).toEqual([c.id, true]);
    }
  });

  it('writes lab boot for both stores and session memory figures', () => {
    const boot = run.report.boot as Array<Record<string, unknown>>;
    expect(boot.map((b) => b.store)).toEqual(['memory', 'redis']);
    for (const b of boot) expect(isNumber(b.median_ms)).toBe(true);
    const memory = run.report.memory as Array<Record<string, unknown>>;
    expect(memory.length).toBeGreaterThan(0);
    for (const m of memory) {
      for (const field of ['sessions', 'sessions_held', 'rss_start_bytes', 'rss_held_bytes', 'bytes_per_session', 'rss_after_expiry_bytes', 'after_expiry_ratio']) {
        expect([field, isNumber(m[field])]).toEqual([field, true]);
      }
    }
  });

  it('writes the five targets, each with a numeric value and a met flag', () => {
    const targets = run.report.targets as Array<Record<string, unknown>>;
    expect(targets).toHaveLength(5);
    for (const t of targets) {
      expect(typeof t.name).toBe('string');
      expect(typeof t.goal).toBe('string');
      expect([t.name, isNumber(t.value), typeof t.met]).toEqual([t.name, true, 'boolean']);
    }
  });
});
