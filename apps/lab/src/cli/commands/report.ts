import { join, resolve } from 'node:path';
import { describeEnvironment } from '../../report/environment';
import { runMatrix, selectScenarios } from '../../report/run';
import { renderPng } from '../../report/screenshot';
import { writeReport } from '../../report/write';
import { estimateSeconds, formatDuration, readSample } from '../../report/estimate';
import { describeSet, planSummary } from '../../report/plan-summary';
import { DEFAULT_RUNS } from '../../scenarios/plan';
import type { ScenarioDefinition } from '../../scenarios/types';
import { intValue, parseCommand } from '../args';
import type { Command } from '../command';
import { CliIo, printJson, UsageError } from '../output';

export const report: Command = {
  name: 'report',
  summary: 'run the failure-mode scenarios and write the matrix (JSON, markdown, HTML)',
  // Computed when asked: the ids, counts and times come from the registry and the committed sample.
  get usage() {
    return reportUsage();
  },
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommand(argv, { only: { type: 'string' }, all: { type: 'boolean' }, runs: { type: 'string' }, out: { type: 'string' }, png: { type: 'boolean' } }, { min: 0, max: 0 });
    const only = typeof values.only === 'string' ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
    const runs = intValue(values.runs, '--runs', 1, MAX_RUNS, DEFAULT_RUNS);
    let scenarios;
    try {
      scenarios = selectScenarios({ only, all: !!values.all });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const out = resolve(io.cwd, typeof values.out === 'string' ? values.out : defaultOut(only && scenarios.map((s) => s.id)));
    // Progress goes to stderr so `--json` keeps stdout clean for scripts.
    const sink = { write: (t: string) => void process.stderr.write(t), isTTY: !!process.stderr.isTTY, color: io.color };
    io.err(`Running ${announce(scenarios, runs, !!values.all)}; the report goes to ${out}/`);
    const stop = onInterrupt(io);
    const [environment, matrix] = await Promise.all([describeEnvironment(), runMatrix(scenarios, sink, runs)]).finally(stop);
    const meta = {
      generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      environment,
      durationMs: matrix.durationMs,
      selection: values.all ? 'all' : only?.length ? `only ${only.join(',')}` : 'teaching',
      notMeasured: matrix.failures.map((f) => `${f.scenario} ${f.params.strategy} / ${f.params.store}: ${f.error}`),
    };
    const files: Record<string, string> = { ...(await writeReport(out, matrix.rows, meta)) };
    if (values.png) {
      files.png = join(out, 'index.png');
      await renderPng(files.html, files.png);
    }
    if (values.json) printJson(io, { files, rows: matrix.rows, failures: matrix.failures, duration_ms: matrix.durationMs });
    else {
      const others = Object.entries(files).filter(([k]) => k !== 'html').map(([, f]) => `\n  ${f}`).join('');
      const rows = matrix.rows.length;
      io.out(`\n${rows} row${rows === 1 ? '' : 's'} written in ${(matrix.durationMs / 1000).toFixed(0)} s → ${files.html}${others}`);
      for (const f of matrix.failures) io.err(`not measured: ${f.scenario} ${f.params.strategy}/${f.params.store}: ${f.error}`);
    }
    return matrix.failures.length ? 1 : 0;
  },
};

const MAX_RUNS = 20;

function reportUsage(): string {
  const plan = planSummary(readSample()?.rows);
  const ids = plan.ids.reduce<string[]>((lines, id) => {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last}, ${id}`.length <= 72) lines[lines.length - 1] = `${last}, ${id}`;
    else lines.push(id);
    return lines;
  }, []);
  return `report [--all] [--only id,id] [--runs N] [--out DIR] [--png] [--json]

  (default)      the teaching set: ${describeSet(plan.teaching)}
  --all          the full strategy × store × balancer grid: ${describeSet(plan.all)}
  --only id,id   only these scenarios (their teaching cells; every cell of a scenario
                 outside the teaching set, or with --all). The ${plan.ids.length} ids:
${ids.map((l) => `                 ${l}`).join(',\n')}
  --runs N       runs of each random cell, shown as median [min–max] (default ${DEFAULT_RUNS};
                 a deterministic cell runs once)
  --out DIR      where matrix.json, matrix.md and index.html go (default: reports;
                 with --only, reports/subset-<ids> so the full run is never overwritten)
  --png          also render index.html to index.png with the machine's Chromium
  (times are estimated from the committed sample, docs/report-sample/)`;
}

/** What is about to run and, from the committed sample's timings, how long it will take. */
function announce(scenarios: readonly ScenarioDefinition[], runs: number, all: boolean): string {
  const cells = scenarios.reduce((n, s) => n + s.params.length, 0);
  const seconds = estimateSeconds(scenarios, readSample()?.rows, runs);
  const time = seconds === undefined ? '' : `, ${formatDuration(seconds)} by the committed sample's timings`;
  return `${all ? 'the full grid: ' : ''}${cells} cell(s) of ${scenarios.length} scenario(s), ${runs} run(s) of each random cell${time}`;
}

/**
 * A subset (`--only`) must not replace the full run in reports/: it gets its
 * own directory, named after what it ran.
 */
export function defaultOut(ids?: readonly string[]): string {
  return ids?.length ? join('reports', `subset-${[...ids].sort().join('-')}`) : 'reports';
}

/**
 * Ctrl-C / SIGTERM mid-matrix: exit at once. Exiting runs the process
 * reaper's exit hook, which SIGKILLs every replica, nginx and redis the
 * running scenario started; no half-written report is left behind.
 */
function onInterrupt(io: CliIo): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  const handler = (signal: NodeJS.Signals) => {
    io.err(`\nlab report: ${signal}, stopping (no report written)`);
    process.exit(130);
  };
  for (const s of signals) process.on(s, handler);
  return () => signals.forEach((s) => process.off(s, handler));
}
