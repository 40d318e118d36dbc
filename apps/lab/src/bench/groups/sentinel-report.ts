// The sentinel group's rows as the cost of replicated Redis: per path, each
// store's CPU per request and p99 as median [min–max] over the interleaved
// slices, and only the differences that lie beyond both rows' spread. Pure.
import type { CaseRow } from '../model';
import { differencesBeyondSpread, MIN_SPREAD_WINDOWS, sayDifferences, type Spread } from '../steady';

const SETUP = /^sentinel\.([^.]+)\.(get|post)$/;
const PATH: Record<string, string> = { get: 'GET /cart', post: 'POST /cart/items' };

const spreadText = (s?: Spread) => (s ? `${s.median} [${s.min}–${s.max}]` : '');

export const SENTINEL_HEADER = ['store (sentinel group)', 'CPU µs/req median [min–max]', 'p99 ms median [min–max]', 'slices', 'errors'];

/** The table's rows (render-report.ts draws it); none when the group did not run. */
export function sentinelRows(cases: readonly CaseRow[]): (string | number)[][] {
  return cases.filter((c) => SETUP.test(c.id)).map((c) => [c.label, spreadText(c.cpu_spread), spreadText(c.p99_spread), c.cpu_spread?.n ?? 0, c.load.errors]);
}

/** One line per path and figure: which stores differ beyond both spreads, or that none do. */
export function sentinelDifferences(cases: readonly CaseRow[]): string[] {
  const out: string[] = [];
  for (const what of ['get', 'post']) {
    const rows = cases.flatMap((c) => {
      const m = SETUP.exec(c.id);
      return m && m[2] === what ? [{ setup: m[1], row: c }] : [];
    });
    if (!rows.length) continue;
    for (const [figure, of] of [['CPU/req', (c: CaseRow) => c.cpu_spread], ['p99', (c: CaseRow) => c.p99_spread]] as const) {
      const found = differencesBeyondSpread(rows.map((r) => ({ id: r.setup, spread: of(r.row) })));
      const said = sayDifferences(found);
      const none = rows.every((r) => (of(r.row)?.n ?? 0) >= MIN_SPREAD_WINDOWS) ? 'no store differs from another beyond their spread' : `fewer than ${MIN_SPREAD_WINDOWS} slices: no spread, no difference stated`;
      out.push(`${PATH[what]} ${figure}: ${said || none}`);
    }
  }
  return out;
}
