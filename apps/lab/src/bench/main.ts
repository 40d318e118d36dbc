// `npm run bench [-- --quick] [--only groups] [--json] [--out DIR]`:
// what affinity and the session store cost, measured side by side in one run.
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { killAllChildren } from './child';
import { downAllTopologies } from './lab';
import { describeMachine } from './machine';
import type { BenchContext, BenchReport, CaseRow } from './model';
import { BenchOptions, Group, parseArgs, USAGE } from './options';
import { renderReport, writeReport } from './report';
import { evaluateTargets } from './targets';
import { ceilingGroup } from './groups/ceiling';
import { directGroup } from './groups/direct';
import { nginxGroup } from './groups/nginx';
import { bootGroup } from './groups/boot';
import { memoryGroup } from './groups/memory';
import { sessionCapGroup } from './groups/session-cap';

const REPO = resolve(__dirname, '../../../..');

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

async function main(opts: BenchOptions): Promise<number> {
  const ctx: BenchContext = {
    profile: opts.profile,
    paths: {
      cartApi: join(REPO, 'dist/apps/cart-api/main.js'),
      peer: join(__dirname, 'peer/server.js'),
      ceiling: join(__dirname, 'ceiling/responder.js'),
    },
    log: (line) => process.stderr.write(line + '\n'),
    secret: randomBytes(24).toString('hex'),
  };
  const report: BenchReport = {
    started_at: new Date().toISOString(),
    finished_at: '',
    mode: opts.profile.mode,
    settings: opts.profile,
    machine: describeMachine(),
    cases: [],
    boot: [],
    memory: [],
    targets: [],
    failures: [],
    group_seconds: {},
  };
  ctx.log(`bench (${opts.profile.mode}); ${report.machine.caveat}`);
  const add = (rows: CaseRow[]) => void report.cases.push(...rows);
  const groups: Record<Group, () => Promise<void>> = {
    ceiling: async () => add(await ceilingGroup(ctx)),
    peer: async () => add(await directGroup(ctx, { peer: true, direct: false })),
    direct: async () => add(await directGroup(ctx, { peer: opts.only.has('peer'), direct: true })),
    nginx: async () => add(await nginxGroup(ctx)),
    boot: async () => void report.boot.push(...(await bootGroup(ctx))),
    memory: async () => void report.memory.push(...(await memoryGroup(ctx))),
    'session-cap': async () => void (report.session_cap = await sessionCapGroup(ctx)),
  };
  for (const group of Object.keys(groups) as Group[]) {
    // The peer is measured with the direct cases when both run: they are compared.
    const merged = group === 'peer' && opts.only.has('direct');
    if (opts.only.has(group) && !merged) await runGroup(report, ctx, group, groups[group]);
  }
  report.targets = evaluateTargets(report.cases, report.boot, report.memory);
  report.finished_at = new Date().toISOString();
  const file = writeReport(opts.outDir ? resolve(opts.outDir) : join(REPO, 'bench/results'), report);
  const text = renderReport(report);
  if (opts.json) {
    process.stderr.write(text + '\n');
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    process.stdout.write(text + '\n');
  }
  ctx.log(`raw figures: ${file}`);
  return report.failures.length ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void downAllTopologies().finally(() => {
      killAllChildren();
      process.exit(130);
    });
  });
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
  (code) => process.exit(code),
  (err: unknown) => {
    void downAllTopologies().finally(() => {
      killAllChildren();
      process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    });
  },
);
