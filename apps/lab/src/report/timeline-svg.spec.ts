import { replicaColour } from '../../../../libs/replica-colour';
import type { MatrixRow } from '../scenarios/types';
import type { Timeline } from '../scenarios/timeline';
import { renderHtml } from './html';
import { FAIL_COLOUR, niceStep, timelineSvg } from './timeline-svg';
import { matrixJson } from './write';

const timeline: Timeline = {
  t0: 1,
  durationMs: 2000,
  replicas: ['app1', 'app2', 'app3'],
  clients: [
    ['c01', [[0, 900, 1, 'ok', 4], [1000, 1010, -1, 'fail', 1], [1100, 2000, 2, 'stale', 3]]],
    ['<c02>', [[0, 2000, 0, 'ok', 9]]],
  ],
  faults: [[950, 980, 'kill', 'app2', 'ok']],
};

describe('timelineSvg', () => {
  const svg = timelineSvg(timeline);
  it('draws a row per client, each span in the colour of the replica that answered', () => {
    expect(svg.match(/<text [^>]*class="client"/g)).toHaveLength(2);
    expect(svg).toContain(`fill="${replicaColour('app2')}" class="ok"`);
    expect(svg).toContain(`fill="${replicaColour('app1')}" class="ok"`);
  });
  it('marks the failure, the stale cart and the fault with its label', () => {
    expect(svg).toContain(`fill="${FAIL_COLOUR}" class="fail"`);
    expect(svg).toContain(`fill="${replicaColour('app3')}" class="stale"`);
    expect(svg).toMatch(/<line [^>]*class="fault"\/><text [^>]*class="fault">kill app2<\/text>/);
  });
  it('keeps a label near the right edge inside the picture, ending at its line', () => {
    const late = timelineSvg({ ...timeline, faults: [[1990, 2000, 'redis-restart', 'redis', 'ok']] });
    expect(late).toMatch(/class="fault" text-anchor="end">redis-restart redis</);
  });
  it('escapes client names', () => {
    expect(svg).toContain('&lt;c02&gt;');
    expect(svg).not.toContain('<c02>');
  });
  it('labels every tick differently, however short the run', () => {
    for (const durationMs of [150, 2000, 45_000]) {
      const ticks = [...timelineSvg({ ...timeline, durationMs }).matchAll(/class="tick">([^<]+)</g)].map((m) => m[1]);
      expect(ticks.length).toBeGreaterThan(3);
      expect(new Set(ticks).size).toBe(ticks.length);
    }
  });
  it('picks round axis steps', () => {
    expect([niceStep(240), niceStep(1300), niceStep(0)]).toEqual([500, 2000, 1]);
  });
});

describe('the timeline in the report', () => {
  const row: MatrixRow = { scenario: 'replica-killed', strategy: 'ip-hash', store: 'memory', clients: 2, carts_lost_pct: 50, clients_moved_pct: 50, failed_requests: 1, load_skew: 1, timeline };
  it('is in the HTML page, self-contained, one per run', () => {
    const html = renderHtml([row, { ...row, store: 'redis' }], { generatedAt: 'now', environment: 'e', durationMs: 1 });
    expect(html.match(/<svg class="timeline"/g)).toHaveLength(2);
    expect(html.match(/<details class="tl" open>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script|(src|href)\s*=\s*["']?(https?:)?\/\//i);
  });
  it('is in matrix.json as data, one line per timeline, and parses back to the rows', () => {
    const json = matrixJson([row, { ...row, timeline: undefined, store: 'redis' }]);
    expect(JSON.parse(json).rows).toEqual([row, { ...row, timeline: undefined, store: 'redis' }].map((r) => JSON.parse(JSON.stringify(r))));
    expect(json.split('\n').filter((l) => l.includes('"timeline"'))).toHaveLength(1);
  });
});
