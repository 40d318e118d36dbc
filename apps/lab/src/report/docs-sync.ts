// The README's matrix table and the counts the docs state, written from the
// committed sample (docs/report-sample/matrix.json) between markers, so
// every number in the docs comes from one report run. Pure: text in, text out.
import { SCENARIO_DESCRIPTIONS } from '../scenarios/descriptions';
import type { MatrixRow } from '../scenarios/types';
import type { Sample } from './estimate';
import { cellLabel, groupRows, measuredCell } from './format';
import { countsText, planSummary } from './plan-summary';

/** Scenarios whose story is the load: their README cell is the load skew, every other's carts lost. */
const SKEW_HEADLINE = new Set(['nat']);

const columnOf = (r: MatrixRow) => cellLabel({ ...r, variant: undefined });

/** One line per failure mode (and variant) of the sample, one column per measured cell. */
export function readmeTable(rows: readonly MatrixRow[]): string {
  const groups = groupRows(rows);
  const columns = [...new Set(groups.flatMap((g) => g.rows.map(columnOf)))];
  const ordered = [...new Set(groupRows(rows.map((r) => ({ ...r, scenario: '' }))).flatMap((g) => g.rows.map(columnOf)))].filter((c) => columns.includes(c));
  const lines = groups.flatMap((g) => {
    const title = SCENARIO_DESCRIPTIONS.find((s) => s.id === g.id)?.title ?? g.id;
    const variants = [...new Set(g.rows.map((r) => r.variant ?? ''))];
    return variants.map((v) => {
      const metric = SKEW_HEADLINE.has(g.id) ? 'load_skew' : 'carts_lost_pct';
      const cells = ordered.map((c) => {
        const r = g.rows.find((x) => columnOf(x) === c && (x.variant ?? '') === v);
        return r ? measuredCell(r, metric) : '·';
      });
      const label = `${title}${v ? ` (${v})` : ''}${metric === 'load_skew' ? ': load skew' : ''}`;
      return `| ${[label, ...cells].join(' | ')} |`;
    });
  });
  return [`| failure mode | ${ordered.join(' | ')} |`, `|---|${ordered.map(() => '--:').join('|')}|`, ...lines].join('\n');
}

/** Replaces what stands between `<!-- name:start -->` and `<!-- name:end -->`; an error when the markers are missing. */
export function replaceBetween(text: string, name: string, content: string): string {
  const [start, end] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`markers ${start} … ${end} not found`);
  return `${text.slice(0, a + start.length)}\n${content}\n${text.slice(b)}`;
}

/** What stands between the markers now (for the tests that keep the docs equal to the sample). */
export function between(text: string, name: string): string | undefined {
  const [start, end] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  return a < 0 || b < a ? undefined : text.slice(a + start.length, b).trim();
}

/** The counts sentence for the docs, from the registry and the sample. */
export function sampleCounts(sample: Sample): string {
  return countsText(planSummary(sample.rows), sample.meta?.duration_ms);
}

/** The README with its matrix table and counts rewritten from the sample. */
export function syncReadme(readme: string, sample: Sample): string {
  return replaceBetween(replaceBetween(readme, 'report-table', readmeTable(sample.rows)), 'report-counts', sampleCounts(sample));
}

/** docs/scenarios.md with its counts rewritten from the sample. */
export function syncScenariosDoc(doc: string, sample: Sample): string {
  return replaceBetween(doc, 'report-counts', sampleCounts(sample));
}
