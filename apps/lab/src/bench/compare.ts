// `--compare EARLIER.json`: every figure of this run (or of `--against`)
// beside the same figure of an earlier run, so a regression is one command away.
import { readFileSync } from 'node:fs';
import { BenchReport, SCHEMA_VERSION } from './model';
import { round } from './load';
import { table } from './render-report';

/** A report that cannot be compared: a missing file, not JSON, another schema version. */
export class CompareInputError extends Error {}

const MAX_REPORT_BYTES = 64 * 2 ** 20;

export function loadReport(file: string): BenchReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CompareInputError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (text.length > MAX_REPORT_BYTES) throw new CompareInputError(`${file} is larger than a bench report can be`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new CompareInputError(`${file} is not JSON: ${(err as Error).message}`);
  }
  const version = (data as { schema_version?: unknown } | null)?.schema_version;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new CompareInputError(`${file} is not a bench report (not a JSON object)`);
  if (version !== SCHEMA_VERSION) {
    throw new CompareInputError(`${file} is a bench report of schema version ${JSON.stringify(version ?? 'none (before v2)')}; this bench reads version ${SCHEMA_VERSION} only`);
  }
  if (!Array.isArray((data as BenchReport).cases) || !Array.isArray((data as BenchReport).targets)) {
    throw new CompareInputError(`${file} has no cases or targets array`);
  }
  return data as BenchReport;
}

export interface Change {
  /** e.g. `direct.memory.get` or `target: …`. */
  subject: string;
  figure: string;
  before: number | null;
  after: number | null;
  /** (after − before) ÷ before; null when either side is missing or before is 0. */
  change: number | null;
}

type Figure = [name: string, get: (r: BenchReport['cases'][number]) => number | null | undefined];

const CASE_FIGURES: Figure[] = [
  ['server CPU µs/req', (c) => c.load.server_cpu_us_per_req],
  ['req/s', (c) => c.load.rps],
  ['p50 ms', (c) => c.load.p50],
  ['p99 ms', (c) => c.load.p99],
  ['errors', (c) => c.load.errors],
  ['generator CPU µs/req', (c) => c.load.generator_cpu_us_per_req],
  ['generator busy', (c) => c.load.generator_busy],
  ['skew', (c) => c.load.skew],
  ['cart kept', (c) => c.cart_kept],
];

function change(subject: string, figure: string, before: number | null | undefined, after: number | null | undefined): Change {
  const b = typeof before === 'number' && Number.isFinite(before) ? before : null;
  const a = typeof after === 'number' && Number.isFinite(after) ? after : null;
  return { subject, figure, before: b, after: a, change: a !== null && b !== null && b !== 0 ? round((a - b) / b, 3) : null };
}

/** Every figure of both reports, case by case, then boots, session memory and targets. */
export function compareReports(before: BenchReport, after: BenchReport): Change[] {
  const out: Change[] = [];
  const ids = [...new Set([...after.cases.map((c) => c.id), ...before.cases.map((c) => c.id)])];
  for (const id of ids) {
    const b = before.cases.find((c) => c.id === id);
    const a = after.cases.find((c) => c.id === id);
    for (const [name, get] of CASE_FIGURES) {
      const row = change(id, name, b && get(b), a && get(a));
      if (row.before !== null || row.after !== null) out.push(row);
    }
  }
  for (const store of ['memory', 'redis'] as const) {
    const get = (r: BenchReport) => r.boot?.find((x) => x.store === store)?.median_ms;
    const row = change(`boot.${store}`, 'median ms', get(before), get(after));
    if (row.before !== null || row.after !== null) out.push(row);
  }
  const counts = [...new Set([...(after.memory ?? []), ...(before.memory ?? [])].map((m) => m.sessions))];
  for (const n of counts) {
    const get = (r: BenchReport) => r.memory?.find((m) => m.sessions === n)?.bytes_per_session;
    out.push(change(`memory.${n}`, 'B/session', get(before), get(after)));
  }
  const names = [...new Set([...after.targets.map((t) => t.name), ...before.targets.map((t) => t.name)])];
  for (const name of names) {
    out.push(change(`target: ${name}`, 'value', before.targets.find((t) => t.name === name)?.value, after.targets.find((t) => t.name === name)?.value));
  }
  return out;
}

function pct(x: number | null): string {
  if (x === null) return '';
  return `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
}

export function renderComparison(beforeName: string, afterName: string, changes: Change[]): string {
  const cell = (x: number | null) => (x === null ? '–' : String(x));
  return [
    `Changes from ${beforeName} to ${afterName} (server CPU per request is the figure to trust on a shared machine):`,
    '',
    table(['case / target', 'figure', 'before', 'after', 'change'], changes.map((c) => [c.subject, c.figure, cell(c.before), cell(c.after), pct(c.change)])),
  ].join('\n');
}
