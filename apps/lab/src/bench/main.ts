// `npm run bench [-- --quick] [--only groups] [--json] [--out DIR] [--compare EARLIER.json]`:
// what affinity and the session store cost, measured side by side in one run.
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { killAllChildren } from './child';
import { compareReports, CompareInputError, loadReport, renderComparison } from './compare';
import { Generator } from './generator/pool';
import { downAllTopologies } from './lab';
import { sweepStaleRunDirs } from '../util/run-dir';
import { describeMachine } from './machine';
import { BenchContext, BenchReport, CaseRow, SCHEMA_VERSION } from './model';
import { BenchOptions, Group, parseArgs, USAGE } from './options';
import { Pinning, pinServers } from './pinning';
import { renderReport, writeReport } from './render-report';
import { evaluateTargets } from './targets';
import { unavailableEngines } from './engines';
import { ceilingGroup } from './groups/ceiling';
import { directGroup } from './groups/direct';
import { haproxyGroup, nginxGroup } from './groups/nginx';
import { bootGroup } from './groups/boot';
import { memoryGroup } from './groups/memory';
import { profileGroup, renderProfiles } from './groups/profile';
import { sessionCapGroup } from './groups/session-cap';
import { logWriterGroup } from './groups/log-writer';
import { sentinelGroup } from './groups/sentinel';

const REPO = resolve(__dirname, '../../../..');
let generator: Generator | undefined;

async function runGroup(report: BenchReport, ctx: BenchContext, group: Group, fn: () => Promise<void>): Promise<void> {
  ctx.log(`[${group}]`);
  const t0 = Date.now();
  try {
    await fn();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    ctx.log(`  FAILED: ${message}`);
    report.failures.push({ group, message });
  }
  report.group_seconds[group] = Math.round((Date.now() - t0) / 100) / 10;
  ctx.log(`  (${report.group_seconds[group]} s)`);
}

function context(opts: BenchOptions, gen: Generator, pinning: Pinning, report: Pick<BenchReport, 'failures' | 'not_measured'>): BenchContext {
  const { failures } = report;
  const log = (line: string) => void process.stderr.write(line + '\n');
  return {
    profile: opts.profile,
    paths: {
      cartApi: join(REPO, 'dist/apps/cart-api/main.js'),
      peer: join(__dirname, 'peer/server.js'),
      ceiling: join(__dirname, 'ceiling/responder.js'),
      generator: join(__dirname, 'generator/worker.js'),
    },
    generator: gen,
    pinning,
    log,
    fail: (group, message) => {
      log(`  FAILED: ${message}`);
      failures.push({ group, message });
    },
    secret: randomBytes(24).toString('hex'),
    unavailable: unavailableEngines(),
    notMeasured: (cases) => {
      for (const c of cases) log(`  not measured: ${c.label}: ${c.reason}`);
      report.not_measured.push(...cases);
    },
  };
}

async function runGroups(opts: BenchOptions, ctx: BenchContext, report: BenchReport): Promise<void> {
  const add = (rows: CaseRow[]) => void report.cases.push(...rows);
  const groups: Record<Group, () => Promise<void>> = {
    ceiling: async () => add(await ceilingGroup(ctx)),
    peer: async () => add(await directGroup(ctx, { peer: true, direct: false })),
    direct: async () => add(await directGroup(ctx, { peer: opts.only.has('peer'), direct: true })),
    nginx: async () => add(await nginxGroup(ctx)),
    haproxy: async () => add(await haproxyGroup(ctx, report.cases)),
    boot: async () => void report.boot.push(...(await bootGroup(ctx))),
    memory: async () => void report.memory.push(...(await memoryGroup(ctx))),
    'session-cap': async () => void (report.session_cap = await sessionCapGroup(ctx)),
    'log-writer': async () => void (report.log_writer = await logWriterGroup(ctx)),
    sentinel: async () => add(await sentinelGroup(ctx)),
  };
  for (const group of Object.keys(groups) as Group[]) {
    // The peer is measured with the direct cases when both run: they are compared.
    const merged = group === 'peer' && opts.only.has('direct');
    if (opts.only.has(group) && !merged) await runGroup(report, ctx, group, groups[group]);
  }
}

async function main(opts: BenchOptions): Promise<number> {
  // The servers of a bench (or lab) that was SIGKILLed would skew every number.
  await sweepStaleRunDirs();
  const earlier = opts.compare ? loadReport(opts.compare) : undefined;
  if (earlier && opts.against) {
    process.stdout.write(renderComparison(opts.compare!, opts.against, compareReports(earlier, loadReport(opts.against))) + '\n');
    return 0;
  }
  const pinning = pinServers(opts.noPin);
  const outDir = opts.outDir ? resolve(opts.outDir) : join(REPO, 'bench/results');
  const failures: BenchReport['failures'] = [];
  const notMeasured: BenchReport['not_measured'] = [];
  const ctx = context(opts, (generator = Generator.start(join(__dirname, 'generator/worker.js'), pinning)), pinning, { failures, not_measured: notMeasured });
  const report: BenchReport = {
    schema_version: SCHEMA_VERSION,
    started_at: new Date().toISOString(),
    finished_at: '',
    mode: opts.profile.mode,
    settings: opts.profile,
    machine: describeMachine(pinning),
    pinning,
    cases: [],
    not_measured: notMeasured,
    boot: [],
    memory: [],
    targets: [],
    failures,
    group_seconds: {},
  };
  ctx.log(`bench (${opts.profile.mode}); ${report.machine.caveat}`);
  if (opts.cpuProfile) {
    process.stdout.write(renderProfiles(await profileGroup(ctx, outDir)) + '\n');
    return 0;
  }
  await runGroups(opts, ctx, report);
  report.targets = evaluateTargets(report.cases, report.boot, report.memory, report.log_writer);
  report.finished_at = new Date().toISOString();
  const file = writeReport(outDir, report);
  const text = renderReport(report);
  const comparison = earlier ? '\n' + renderComparison(opts.compare!, file, compareReports(earlier, report)) : '';
  if (opts.json) {
    process.stderr.write(text + comparison + '\n');
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    process.stdout.write(text + comparison + '\n');
  }
  ctx.log(`raw figures: ${file}`);
  return report.failures.length ? 1 : 0;
}

async function cleanUp(): Promise<void> {
  await downAllTopologies();
  killAllChildren();
  await generator?.stop();
}

// A reader that went away (`npm run bench | head`) must not crash the bench
// and orphan its servers: the report still goes to its file.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
  });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

function parseOrExit(): BenchOptions {
  try {
    return parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
}

main(parseOrExit()).then(
  (code) => void cleanUp().finally(() => process.exit(code)),
  (err: unknown) => {
    void cleanUp().finally(() => {
      if (err instanceof CompareInputError) {
        process.stderr.write(`bench --compare: ${err.message}\n`);
        process.exit(2);
      }
      process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    });
  },
);
