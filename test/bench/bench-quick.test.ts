// Proves `npm run bench -- --quick` works end to end: it runs the BUILT bench
// once (every group but session-cap, which session-cap.test.ts runs) and
// checks that it exited 0, printed the tables and wrote a JSON with every case
// and every target field, compared itself with an earlier report, refused
// reports it cannot compare, and profiled cart-api. It never asserts a speed:
// figures on a shared machine are noise, and the bench exists to report them,
// not to gate. The strategy rows share one code path whatever the strategy
// (the strategies themselves are proved by the balancer suites), so the run
// measures one strategy with both balancers and both stores; which rows
// `--quick` lists without `--strategies` is a pure function, checked in
// apps/lab/src/bench/engines.spec.ts.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findBinary } from '../../apps/lab/src/util/find-binary';
import { GROUPS } from '../../apps/lab/src/bench/options';
import { evaluateTargets } from '../../apps/lab/src/bench/targets';
import { noteSkip } from '../support/skip';

const ROOT = resolve(__dirname, '../..');
const BENCH = join(ROOT, 'dist/apps/lab/bench/main.js');
const BENCH_TIMEOUT_MS = 420_000;
jest.setTimeout(BENCH_TIMEOUT_MS + 60_000);

const EXPECTED_CASES = [
  'ceiling.direct',
  'ceiling.nginx',
  'ceiling.haproxy',
  'peer.get',
  'peer.post',
  'direct.memory.get',
  'direct.memory.post',
  'direct.redis.get',
  'direct.memory.get.metrics-off',
  'direct.redis.post',
  'nginx.one.direct',
  'nginx.one.via-nginx',
  'nginx.one.via-haproxy',
  // --strategies sticky-cookie; --quick runs HAProxy's strategies with the memory store only.
  'nginx.memory.sticky-cookie',
  'nginx.redis.sticky-cookie',
  'haproxy.memory.sticky-cookie',
  ...['single', 'sentinel', 'sentinel-wait1'].flatMap((setup) => [`sentinel.${setup}.get`, `sentinel.${setup}.post`]),
];
const LOAD_FIELDS = ['server_cpu_us_per_req', 'rps', 'p50', 'p99', 'errors', 'requests', 'durationS', 'users', 'generator_cpu_us_per_req', 'generator_busy'];
const QUICK_USERS = 6;
const QUICK_GROUPS = GROUPS.filter((g) => g !== 'session-cap').join(',');
/** One strategy both balancers run, whose rows need each user's cookie jar. */
const STRATEGY = 'sticky-cookie';
/** The fewest sessions the memory group takes (10 creators): its fields, not its figures, are checked. */
const SESSIONS = '100';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  report: Record<string, unknown>;
}

const missing = ['nginx', 'haproxy', 'redis-server'].filter((b) => !findBinary(b));
if (missing.length) {
  noteSkip(`bench-quick: ${missing.join(' and ')} not installed (sudo apt-get install -y nginx haproxy redis-server)`);
}
const describeIfTools = missing.length ? describe.skip : describe;

function runBench(args: string[], timeoutMs = BENCH_TIMEOUT_MS): Promise<Omit<Run, 'report'>> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BENCH, ...args],
      { cwd: ROOT, timeout: timeoutMs, maxBuffer: 16 * 2 ** 20 },
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

/** An earlier run that measured only the ceiling: the comparison must show its figures and blanks for the rest. */
function earlierReport(dir: string): string {
  const load = { rps: 1000, p50: 1, p99: 2, errors: 0, requests: 8000, durationS: 8, users: 6, server_cpu_us_per_req: 50, generator_cpu_us_per_req: 40, generator_busy: 0.2 };
  const file = join(dir, 'earlier.json');
  writeFileSync(file, JSON.stringify({ schema_version: 2, cases: [{ id: 'ceiling.direct', group: 'ceiling', label: 'x', load }], boot: [], memory: [], targets: [] }));
  return file;
}

function buildIfNeeded(): void {
  if (!existsSync(BENCH)) execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });
}

describeIfTools('npm run bench -- --quick', () => {
  let outDir: string;
  let run: Run;

  beforeAll(async () => {
    buildIfNeeded();
    outDir = mkdtempSync(join(tmpdir(), 'bench-quick-'));
    // session-cap has its own test (session-cap.test.ts runs it with --quick): not twice.
    const result = await runBench(['--quick', '--only', QUICK_GROUPS, '--strategies', STRATEGY, '--sessions', SESSIONS, '--out', outDir, '--compare', earlierReport(outDir)]);
    const files = readdirSync(outDir).filter((f) => f.endsWith('.json') && f !== 'earlier.json');
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

  it('prints the machine, the pinning, the cases table and the targets table', () => {
    expect(run.stdout).toMatch(/^Machine: .+ \d+ cores/m);
    expect(run.stdout).toMatch(/^Pinning: (servers on core\(s\) [\d,]+ while measured, generator on core\(s\) [\d,]+ \(taskset\)|none \(.+\))$/m);
    expect(run.stdout).toMatch(/^\| case +\| server CPU µs\/req \| CPU range \(slices\) \| req\/s \| p50 ms \| p99 ms \| errors \|/m);
    expect(run.stdout).toMatch(/^\| target +\| +value/m);
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

  it('gives every strategy row its per-replica requests, skew and cart kept per user', () => {
    const cases = run.report.cases as Array<{ id: string; load: Record<string, unknown> }>;
    const strategyRows = cases.filter((c) => /^(nginx|haproxy)\.(memory|redis)\./.test(c.id));
    expect(strategyRows.map((c) => c.id)).toEqual(EXPECTED_CASES.filter((id) => id.endsWith(`.${STRATEGY}`)));
    for (const c of strategyRows) {
      const perReplica = c.load.replica_requests as Record<string, number>;
      expect([c.id, Object.keys(perReplica).sort()]).toEqual([c.id, ['app1', 'app2', 'app3']]);
      // the replicas' own counters saw the measured requests (and nothing reaches them but the bench)
      const served = Object.values(perReplica).reduce((a, b) => a + b, 0);
      expect([c.id, served >= (c.load.requests as number)]).toEqual([c.id, true]);
      expect([c.id, isNumber(c.load.skew) && (c.load.skew as number) >= 1 && (c.load.skew as number) <= 3]).toEqual([c.id, true]);
      const cart = c.load.cart as { per_user: unknown[]; mean: unknown };
      expect([c.id, cart.per_user.length, isNumber(cart.mean)]).toEqual([c.id, QUICK_USERS, true]);
      // warmed before it was measured: the windows it took and whether they settled (two windows of --quick rarely do)
      const warmup = (c as unknown as { warmup: { settled: unknown; windows: unknown[] } }).warmup;
      expect([c.id, typeof warmup.settled, warmup.windows.length >= 1]).toEqual([c.id, 'boolean', true]);
      const spread = (c as unknown as { cpu_spread: Record<string, unknown> }).cpu_spread;
      expect([c.id, isNumber(spread.min) && isNumber(spread.max) && (spread.min as number) <= (spread.max as number)]).toEqual([c.id, true]);
    }
  });

  it('compares itself with the earlier report it was given', () => {
    expect(run.stdout).toMatch(/^Changes from .*earlier\.json to .*\.json/m);
    expect(run.stdout).toMatch(/^\| ceiling\.direct +\| +server CPU µs\/req \| +50 \| +\d+ \| +[-+]?\d+\.\d %/m);
    // a case the earlier run did not measure has no change
    expect(run.stdout).toMatch(/^\| peer\.get +\| +server CPU µs\/req \| +– \| +\d+ \| +\|$/m);
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

  it('writes every target, each with a numeric value (or the reason it has none) and a met flag', () => {
    const targets = run.report.targets as Array<Record<string, unknown>>;
    expect(targets).toHaveLength(evaluateTargets([], [], []).length);
    for (const t of targets) {
      expect(typeof t.name).toBe('string');
      expect(typeof t.goal).toBe('string');
      // A difference of noisy figures may give no value: then it says why, and is not met.
      const measured = isNumber(t.value) || (t.value === null && typeof t.unknown === 'string' && t.met === false);
      expect([t.name, measured, typeof t.met]).toEqual([t.name, true, 'boolean']);
    }
  });
});

describe('npm run bench -- --compare: reports it cannot compare', () => {
  let dir: string;
  beforeAll(() => {
    buildIfNeeded();
    dir = mkdtempSync(join(tmpdir(), 'bench-compare-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['a missing file', () => join(dir, 'missing.json'), /cannot read .*missing\.json: ENOENT/],
    ['not JSON', () => write('text.json', 'not json'), /is not JSON/],
    ['a report of another schema version', () => write('v1.json', JSON.stringify({ cases: [], targets: [] })), /schema version "none \(before v2\)"/],
  ])('exits 2 with a clear error on %s, before any measurement', async (_what, file, message) => {
    const r = await runBench(['--compare', file(), '--against', file()], 30_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('compares two reports without running the bench', async () => {
    const report = (rps: number) => JSON.stringify({ schema_version: 2, cases: [{ id: 'peer.get', load: { rps, server_cpu_us_per_req: 200 } }], targets: [] });
    const r = await runBench(['--compare', write('a.json', report(100)), '--against', write('b.json', report(150))], 30_000);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\| peer\.get +\| +req\/s \| +100 \| +150 \| +\+50\.0 % \|$/m);
  });

  function write(name: string, text: string): string {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  }
});

describeIfTools('npm run bench -- --profile --quick', () => {
  let outDir: string;
  let run: Omit<Run, 'report'>;

  beforeAll(async () => {
    buildIfNeeded();
    outDir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
    run = await runBench(['--profile', '--quick', '--out', outDir], 180_000);
    if (run.code !== 0) console.error(`bench --profile exited ${run.code}\n--- stderr\n${run.stderr}`);
  });
  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('writes a cpu profile per route and ranks its frames by self time', () => {
    expect(run.code).toBe(0);
    const [dir] = readdirSync(outDir).filter((f) => f.startsWith('profiles-'));
    const files = readdirSync(join(outDir, dir)).sort();
    expect(files).toEqual(['cart-api-get-cart.cpuprofile', 'cart-api-post-cart-items.cpuprofile', 'peer-get-cart.cpuprofile', 'summary.json']);
    const summary = JSON.parse(readFileSync(join(outDir, dir, 'summary.json'), 'utf8')) as Array<{ name: string; summary: { top_frames: unknown[]; busy_ms: number } }>;
    for (const s of summary) expect([s.name, s.summary.top_frames.length > 0, s.summary.busy_ms > 0]).toEqual([s.name, true, true]);
    // columns are as wide as their widest value: a share of 10 % or more widens its column
    expect(run.stdout).toMatch(/^\| top self-time frames +\| +owner \| +self ms \| +share \|$/m);
  });
});

describeIfTools('npm run bench when its reader goes away', () => {
  let outDir: string;
  beforeAll(() => {
    buildIfNeeded();
    outDir = mkdtempSync(join(tmpdir(), 'bench-epipe-'));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('finishes the run and writes its report when stdout and stderr are closed (| head)', async () => {
    const child = spawn(process.execPath, [BENCH, '--quick', '--only', 'ceiling', '--out', outDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    child.stderr.destroy();
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      child.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code).toBe(0);
    const [file] = readdirSync(outDir).filter((f) => f.endsWith('.json'));
    const report = JSON.parse(readFileSync(join(outDir, file), 'utf8')) as { cases: Array<{ id: string }> };
    expect(report.cases.map((c) => c.id)).toEqual(['ceiling.direct', 'ceiling.nginx', 'ceiling.haproxy']);
  });
});
