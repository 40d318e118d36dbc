// The bench's results as text tables (markdown that also reads in a terminal) and
// as the JSON file a later run can `--compare` against; named apart from
// cli/commands/report.ts, which is the `lab report` command.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchReport, CaseRow } from './model';
import { differencesBeyondSpread, sayDifferences } from './steady';
import { renderSessionCap, SESSION_CAP_HEADER } from './groups/session-cap';
import { sentinelDifferences, sentinelRows, SENTINEL_HEADER } from './groups/sentinel-report';

type Cell = string | number;

/** Left-aligned first column, right-aligned numbers: readable in a terminal and as markdown. */
export function table(header: string[], rows: Cell[][]): string {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    '| ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  const rule = '|' + widths.map((w, i) => (i === 0 ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|') + '|';
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

function pinningLine(r: BenchReport): string {
  const p = r.pinning;
  return p.pinned ? `servers on core(s) ${p.servers} while measured, generator on core(s) ${p.generator} (taskset)` : `none (${p.reason})`;
}

function generatorCell(c: CaseRow): string {
  const wait = c.load.generator_cpu_wait;
  return `${Math.round(c.load.generator_busy * 100)} %` + (wait === null ? '' : ` (${Math.round(wait * 100)} %)`);
}

function keptCell(c: CaseRow): string {
  const cart = c.load.cart;
  if (!cart) return '';
  if (cart.mean === null || cart.users_always_kept === null) return 'unknown (no reads)';
  return `${Math.round(cart.mean * 100)} %; ${Math.round(cart.users_always_kept * 100)} %`;
}

function spreadCell(c: CaseRow): string {
  const s = c.cpu_spread;
  return s && s.n > 1 ? `${s.min}–${s.max}` : '';
}

function warmupCell(c: CaseRow): string {
  const w = c.warmup;
  if (!w) return '';
  return `${w.seconds} s, ${w.windows.length} windows${w.settled ? '' : ', NOT settled'}`;
}

/** Where each strategy row's CPU per request went (every replica, the balancer, the rest: redis-server), and the warm one replica measured beside it. */
export function cpuByPartTable(cases: CaseRow[]): string | undefined {
  const rows = cases.filter((c) => c.load.server_cpu_by_part);
  if (!rows.length) return undefined;
  const names = [...new Set(rows.flatMap((c) => Object.keys(c.load.server_cpu_by_part!)))].sort();
  return table(
    ['server CPU µs/req by process', ...names, 'rest', 'vs 1 replica, same slices'],
    rows.map((c) => {
      const parts = c.load.server_cpu_by_part!;
      const counted = Object.values(parts).reduce((a, b) => a + b, 0);
      const one = c.vs_one_replica ? `${c.vs_one_replica.cpu_ratio.toFixed(2)}× ${c.vs_one_replica.one_replica_cpu_us}` : '';
      return [c.label, ...names.map((n) => parts[n] ?? ''), Math.max(0, c.load.server_cpu_us_per_req - counted), one];
    }),
  );
}

/**
 * Per balancer and store, the strategy rows whose CPU per request differs
 * beyond both rows' spread; every other pair showed no difference.
 */
export function strategyDifferences(cases: CaseRow[]): string[] {
  const groups = new Map<string, CaseRow[]>();
  for (const c of cases.filter((x) => /^(nginx|haproxy)\.(memory|redis)\./.test(x.id))) {
    const key = c.id.split('.').slice(0, 2).join(' ');
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups].map(([key, rows]) => {
    const found = differencesBeyondSpread(rows.map((r) => ({ id: r.id.split('.')[2], spread: r.cpu_spread })));
    const said = sayDifferences(found);
    return `${key}: ${said || 'no strategy differs from another beyond their spread'}`;
  });
}

/** A planned case this machine could not measure keeps its row, saying why (reports before this field have none). */
function notMeasuredRows(r: BenchReport): Cell[][] {
  return (r.not_measured ?? []).map((n) => [n.label, `not measured: ${n.reason}`, ...Array<string>(8).fill('')]);
}

function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}

export function renderReport(r: BenchReport): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memory_gib} GiB; node ${m.node}, nginx ${m.nginx ?? 'absent'}, redis ${m.redis ?? 'absent'}`);
  out.push(`Pinning: ${pinningLine(r)}`);
  out.push(`Caveat: ${m.caveat}.`);
  out.push(
    `Mode: ${r.mode} (${r.settings.durationS} s measured in ${r.settings.rounds} interleaved slices after ${r.settings.warmupS} s warm-up per case; ` +
      `${r.settings.users} users, each its own address, keep-alive connection and cookies)`,
  );
  out.push('');
  out.push(
    table(
      ['case', 'server CPU µs/req', 'CPU range (slices)', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'vs (CPU; req/s)', 'generator busy (waited)', 'skew', 'cart kept (mean; users always)', 'warm-up'],
      r.cases.map((c) => [
        c.label,
        c.load.server_cpu_us_per_req,
        spreadCell(c),
        c.load.rps,
        c.load.p50.toFixed(2),
        c.load.p99.toFixed(2),
        c.load.errors,
        c.ratio ? `${c.ratio.cpu === null ? '–' : c.ratio.cpu.toFixed(2)}×; ${c.ratio.rps.toFixed(2)}× ${c.ratio.of}` : '',
        generatorCell(c),
        c.load.skew === undefined ? '' : c.load.skew.toFixed(2),
        keptCell(c),
        warmupCell(c),
      ]).concat(notMeasuredRows(r)),
    ),
  );
  const byPart = cpuByPartTable(r.cases);
  if (byPart) out.push('', byPart);
  const differences = strategyDifferences(r.cases);
  if (differences.length) out.push('', 'Strategy rows, CPU per request differing beyond their spread (min–max over slices):', ...differences.map((d) => `  ${d}`));
  const sentinel = sentinelRows(r.cases);
  if (sentinel.length) out.push('', table(SENTINEL_HEADER, sentinel), 'Stores differing beyond their spread (one Redis, the Sentinel group, the group with WAIT 1):', ...sentinelDifferences(r.cases).map((d) => `  ${d}`));
  if (r.boot.length) {
    out.push('');
    out.push(
      table(
        ['lab boot (3 replicas + nginx)', 'median ms', 'samples ms', 'CPU ms', 'idle floor ms'],
        r.boot.map((b) => [b.store, b.median_ms, b.samples_ms.join(', '), b.median_cpu_ms, b.idle_floor_ms]),
      ),
    );
  }
  if (r.memory.length) {
    out.push('');
    out.push(
      table(
        ['sessions (memory store, 3-line cart)', 'held', 'RSS start MiB', 'RSS held MiB', 'B/session', 'RSS after expiry MiB', 'after/start'],
        r.memory.map((s) => [s.sessions, s.sessions_held, mib(s.rss_start_bytes), mib(s.rss_held_bytes), s.bytes_per_session, mib(s.rss_after_expiry_bytes), s.after_expiry_ratio.toFixed(2)]),
      ),
    );
  }
  if (r.session_cap?.length) out.push('', table(SESSION_CAP_HEADER, renderSessionCap(r.session_cap)));
  const log = r.log_writer;
  if (log) out.push('', table(['request log line (one per request)', 'CPU µs/line', 'lines'], [['pino (the candidate)', log.pino_us_per_line, log.lines], ['hand-written JSON (cart-api, libs/json-log)', log.json_us_per_line, log.lines]]));
  out.push('');
  out.push(table(['target', 'value', 'goal', 'met'], r.targets.map((t) => [t.name, t.value ?? (t.unknown ? `unknown: ${t.unknown}` : 'not measured'), t.goal, t.value === null ? '–' : t.met ? 'yes' : 'NO'])));
  for (const f of r.failures) out.push(`FAILED ${f.group}: ${f.message}`);
  return out.join('\n');
}

/** bench/results/<timestamp>.json; returns its path. */
export function writeReport(dir: string, r: BenchReport): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${r.started_at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(r, null, 2) + '\n');
  return file;
}
