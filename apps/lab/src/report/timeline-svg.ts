// A run drawn as one inline SVG: a row per client, its requests as spans
// coloured by the replica that answered, stale reads (a lost cart, seen) and
// failures marked, the nemesis' faults as labelled vertical lines.
import { replicaColour } from '../../../../libs/replica-colour';
import type { FaultMark, Span, Timeline } from '../scenarios/timeline';
import { escapeHtml } from './charts';

const WIDTH = 1000;
const LABEL_W = 56;
const RIGHT = 16;
const ROW_H = 11;
const BAR_H = 7;
const LANE_H = 13;
const LANES = 4;
/** Width of one label character at 11px bold, to keep labels apart. */
const CHAR_W = 6.8;
const TOP = LANES * LANE_H + 8;
const AXIS_H = 22;
export const FAIL_COLOUR = '#c62828';
export const UNKNOWN_COLOUR = '#ef8f00';

/** The drawing's own style, for every page that shows it (the report, the dashboard). Needs `--muted`. */
export const TIMELINE_CSS = `.tl-legend{font-size:11px;color:var(--muted);margin:4px 0}
.tl-key{margin-right:12px;white-space:nowrap}
.tl-key i{display:inline-block;width:14px;height:8px;border-radius:2px;margin-right:4px;vertical-align:middle}
.tl-key i.tl-fault{width:2px;height:12px;background:#1d2330}
svg.timeline .client{font-size:9px;text-anchor:end;fill:var(--muted)}
svg.timeline .tick{font-size:10px;text-anchor:middle;fill:#99a}
svg.timeline .grid{stroke:#eef0f4}
svg.timeline line.fault{stroke:#1d2330;stroke-width:1.5}
svg.timeline rect.fault-band{fill:#1d2330;opacity:.08}
svg.timeline text.fault{font-size:11px;font-weight:600;fill:#1d2330}
`;

export function timelineSvg(t: Timeline): string {
  const plotW = WIDTH - LABEL_W - RIGHT;
  const span = Math.max(t.durationMs, 1);
  const x = (ms: number) => LABEL_W + (plotW * ms) / span;
  const height = TOP + t.clients.length * ROW_H + AXIS_H;
  const bottom = TOP + t.clients.length * ROW_H;
  const rows = t.clients.map(([name, spans], i) => clientRow(t, name, spans, TOP + i * ROW_H, x)).join('');
  const faults = faultMarks(t.faults, x, bottom);
  const label = `timeline of ${t.clients.length} clients over ${(t.durationMs / 1000).toFixed(1)} s with ${t.faults.length} faults`;
  return (
    `<svg class="timeline" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${label}">` +
    axis(span, x, bottom) +
    rows +
    faults +
    `</svg>`
  );
}

function clientRow(t: Timeline, name: string, spans: Span[], y: number, x: (ms: number) => number): string {
  const bars = spans.map((s) => spanRect(t, name, s, y + (ROW_H - BAR_H) / 2, x)).join('');
  return `<text x="${LABEL_W - 6}" y="${y + ROW_H - 2}" class="client">${escapeHtml(name)}</text>${bars}`;
}

function spanRect(t: Timeline, client: string, [start, end, r, mark, n]: Span, y: number, x: (ms: number) => number): string {
  const replica = r >= 0 ? t.replicas[r] : 'no answer';
  const x0 = x(start);
  const w = Math.max(x(end) - x0, 2);
  const tip = `<title>${escapeHtml(`${client}: ${n} request${n > 1 ? 's' : ''} ${mark}, ${replica}, ${start}–${end} ms`)}</title>`;
  const box = (dy: number, h: number) => `x="${x0.toFixed(1)}" y="${y + dy}" width="${w.toFixed(1)}" height="${h}"`;
  if (mark === 'fail' || mark === 'unknown') {
    // A failure is drawn taller, in its own colour, whoever answered.
    return `<rect ${box(-2, BAR_H + 4)} fill="${mark === 'fail' ? FAIL_COLOUR : UNKNOWN_COLOUR}" class="${mark}">${tip}</rect>`;
  }
  const rect = `<rect ${box(0, BAR_H)} fill="${r >= 0 ? replicaColour(replica) : '#999'}" class="${mark}">${tip}</rect>`;
  // A stale answer: the cart came back without an acknowledged item. Its lower half in red.
  return mark === 'stale' ? `${rect}<rect ${box(BAR_H - 3, 3)} fill="${FAIL_COLOUR}"/>` : rect;
}

function faultMarks(faults: FaultMark[], x: (ms: number) => number, bottom: number): string {
  const laneEnd = Array<number>(LANES).fill(-Infinity);
  return faults
    .map(([start, end, kind, target, outcome]) => {
      const x0 = x(start);
      const x1 = Math.max(x(end), x0 + 1);
      const text = `${kind} ${target}${outcome === 'ok' ? '' : ` (${outcome})`}`;
      const w = text.length * CHAR_W;
      // Near the right edge a label ends at its line instead of starting there.
      const flip = x0 + 3 + w > WIDTH;
      const from = flip ? x0 - 3 - w : x0 + 3;
      // The first lane free at this point, else the one that frees first.
      const free = laneEnd.findIndex((e) => e < from - 4);
      const lane = free >= 0 ? free : laneEnd.indexOf(Math.min(...laneEnd));
      laneEnd[lane] = Math.max(laneEnd[lane], from + w);
      const y = 10 + lane * LANE_H;
      const tx = flip ? x0 - 3 : x0 + 3;
      return (
        `<rect x="${x0.toFixed(1)}" y="${TOP - 4}" width="${(x1 - x0).toFixed(1)}" height="${bottom - TOP + 4}" class="fault-band"/>` +
        `<line x1="${x0.toFixed(1)}" y1="${y + 2}" x2="${x0.toFixed(1)}" y2="${bottom}" class="fault"/>` +
        `<text x="${tx.toFixed(1)}" y="${y}" class="fault"${flip ? ' text-anchor="end"' : ''}>${escapeHtml(text)}</text>`
      );
    })
    .join('');
}

function axis(span: number, x: (ms: number) => number, bottom: number): string {
  const step = niceStep(span / 8);
  // As many decimals as the step needs: a 20 ms step printed to 0.1 s repeats its labels.
  const decimals = Math.max(0, -Math.floor(Math.log10(step / 1000)));
  const ticks: string[] = [];
  for (let ms = 0; ms <= span; ms += step) {
    ticks.push(
      `<line x1="${x(ms).toFixed(1)}" y1="${TOP - 4}" x2="${x(ms).toFixed(1)}" y2="${bottom}" class="grid"/>` +
        `<text x="${x(ms).toFixed(1)}" y="${bottom + 14}" class="tick">${(ms / 1000).toFixed(decimals)} s</text>`,
    );
  }
  return ticks.join('');
}

/** 1, 2 or 5 × a power of ten, at least `raw`. */
export function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  return [1, 2, 5, 10].map((k) => k * p).find((s) => s >= raw) ?? 10 * p;
}

/** The legend: replica colours of the run plus the marks. */
export function timelineLegend(replicas: readonly string[]): string {
  const swatch = (colour: string, text: string, extra = '') => `<span class="tl-key"><i style="background:${colour}${extra}"></i>${escapeHtml(text)}</span>`;
  return (
    `<p class="tl-legend">` +
    replicas.map((r) => swatch(replicaColour(r), r)).join('') +
    swatch('#fff', 'cart missing an acknowledged item', `;border-bottom:3px solid ${FAIL_COLOUR}`) +
    swatch(FAIL_COLOUR, 'failed') +
    swatch(UNKNOWN_COLOUR, 'outcome unknown') +
    `<span class="tl-key"><i class="tl-fault"></i>fault (nemesis)</span></p>`
  );
}
