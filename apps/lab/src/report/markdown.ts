import type { MatrixRow } from '../scenarios/types';
import { SCENARIO_DESCRIPTIONS, scenarioInfo } from '../scenarios/descriptions';
import { claimsMarkdown } from './claims';
import { balancerDifferences } from './differences';
import { balancerOf, groupRows, measuredCell, predictedCell, rowNote, theoryCell } from './format';

export interface ReportMeta {
  generatedAt: string;
  /** e.g. `nginx 1.22.1 (sticky: portable), redis 7.0.15, node v20.20.0, 2 cores` */
  environment: string;
  durationMs: number;
  /** What ran: `teaching` (the default), `all`, or `only id,id`. */
  selection?: string;
  /** Parametrisations that could not be measured, with why. */
  notMeasured?: string[];
}

export const HOW_TO_READ = [
  '**carts lost** — share of clients whose final cart misses an item the service had acknowledged (2xx). An add whose outcome is unknown (timeout, 502) is never counted as lost. The final cart is the one read after the last fault: when a client has no such read the check is `unknown`, and so is the cell — never 0 %.',
  '**clients moved** — share of clients whose serving replica changed across the fault (steady state: served by more than one replica).',
  '**failed requests** — requests that did not get a 2xx, including deliberate 503s.',
  '**load skew** — requests on the busiest replica divided by the mean per replica: 1.00 is even, 3.00 with three replicas means everything on one; – when no request was served.',
  '**runs** — how many runs stand behind the row: 1 for a deterministic cell (the same numbers every run); a random cell shows the median and `[min–max]` over its runs.',
  '**predicted** — the balancer\'s own arithmetic replayed from the rendered config (deterministic strategies); **theory** — the textbook ratio for this change and its formula.',
];

const HEADER = '| driver | balancer | strategy | store | variant | clients | runs | carts lost | clients moved | failed requests | load skew | predicted | theory | note |';
const RULE = '|---|---|---|---|---|--:|--:|--:|--:|--:|--:|---|---|---|';

/** One markdown table row per matrix row, in the order given. */
export function markdownTable(rows: readonly MatrixRow[]): string {
  const lines = rows.map((r) =>
    [
      r.driver ?? '',
      balancerOf(r),
      r.strategy,
      r.store,
      r.variant ?? '',
      String(r.clients),
      String(r.runs ?? 1),
      measuredCell(r, 'carts_lost_pct'),
      measuredCell(r, 'clients_moved_pct'),
      String(r.failed_requests),
      measuredCell(r, 'load_skew'),
      escapeCell(predictedCell(r)),
      escapeCell(theoryCell(r)),
      escapeCell(rowNote(r)),
    ].join(' | '),
  );
  return [HEADER, RULE, ...lines.map((l) => `| ${l} |`)].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderMarkdown(rows: readonly MatrixRow[], meta: ReportMeta): string {
  const out = [
    '# Failure-mode matrix',
    '',
    `Generated ${meta.generatedAt} in ${(meta.durationMs / 1000).toFixed(0)} s — ${meta.environment}.`,
    '',
    '## How to read it',
    '',
    ...HOW_TO_READ.map((l) => `- ${l}`),
    '',
  ];
  const differences = balancerDifferences(rows);
  for (const group of groupRows(rows)) {
    const info = SCENARIO_DESCRIPTIONS.some((s) => s.id === group.id) ? scenarioInfo(group.id) : undefined;
    out.push(`## ${info?.title ?? group.id} (\`${group.id}\`)`, '');
    if (info) out.push(`Fault: ${info.fault}. ${info.read}`, '');
    out.push(markdownTable(group.rows), '');
    const mine = differences.filter((d) => d.scenario === group.id);
    if (mine.length) out.push('nginx vs HAProxy, beyond the spread:', '', ...mine.map((d) => `- ${d.sentence}`), '');
  }
  out.push(claimsMarkdown(rows));
  if (meta.notMeasured?.length) out.push('## Not measured', '', ...meta.notMeasured.map((l) => `- ${l}`), '');
  return out.join('\n');
}
