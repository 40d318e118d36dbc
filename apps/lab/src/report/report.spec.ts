import type { MatrixRow } from '../scenarios/types';
import { formatPct, formatSkew, groupRows } from './format';
import { renderHtml } from './html';
import { markdownTable, renderMarkdown } from './markdown';

const meta = { generatedAt: '2026-01-01T00:00:00Z', environment: 'nginx 1.22, node 20', durationMs: 95_000 };

function row(over: Partial<MatrixRow>): MatrixRow {
  return {
    scenario: 'replica-killed',
    strategy: 'ip-hash',
    store: 'memory',
    clients: 30,
    carts_lost_pct: 100 / 3,
    clients_moved_pct: 100 / 3,
    failed_requests: 0,
    load_skew: 1.2,
    ...over,
  };
}

const rows: MatrixRow[] = [
  row({}),
  row({ store: 'redis', carts_lost_pct: 0 }),
  row({ scenario: 'maintenance', variant: 'down', note: 'a | pipe' }),
  row({ scenario: 'maintenance', variant: 'removed', clients_moved_pct: 66.7 }),
  row({ scenario: 'steady-state', strategy: 'round-robin', carts_lost_pct: 0.5, load_skew: 1 }),
  row({ scenario: 'nat', strategy: 'ip-hash', load_skew: 3 }),
];

describe('number formatting', () => {
  it('rounds percentages and keeps a decimal for small non-zero values', () => {
    expect(formatPct(100 / 3)).toBe('33 %');
    expect(formatPct(0)).toBe('0 %');
    expect(formatPct(0.5)).toBe('0.5 %');
    expect(formatPct(100)).toBe('100 %');
    expect(formatPct(NaN)).toBe('–');
  });
  it('prints skew with two decimals', () => {
    expect(formatSkew(3)).toBe('3.00');
    expect(formatSkew(1.234)).toBe('1.23');
    expect(formatSkew(0)).toBe('–');
  });
});

describe('groupRows', () => {
  it('orders scenarios as described and strategies as declared', () => {
    const groups = groupRows(rows);
    expect(groups.map((g) => g.id)).toEqual(['steady-state', 'replica-killed', 'maintenance', 'nat']);
    expect(groups[1].rows.map((r) => r.store)).toEqual(['memory', 'redis']);
  });
});

describe('markdown', () => {
  it('has one table row per input row', () => {
    const table = markdownTable(rows).split('\n');
    expect(table).toHaveLength(2 + rows.length);
    expect(table[0]).toMatch(/^\| driver \| balancer \| strategy \| store \|/);
    expect(table[2]).toBe('|  | nginx | ip-hash | memory |  | 30 | 1 | 33 % | 33 % | 0 | 1.20 |  |  |  |');
  });
  it('names the driver a row was measured on', () => {
    expect(markdownTable([row({ driver: 'compose' })]).split('\n')[2]).toMatch(/^\| compose \| nginx \| ip-hash \| memory \|/);
  });
  it('escapes pipes in notes so the table keeps its columns', () => {
    const line = markdownTable([rows[2]]).split('\n')[2];
    expect(line).toContain('a \\| pipe');
  });
  it('has a section per scenario and every row once', () => {
    const md = renderMarkdown(rows, meta);
    expect(md).toContain('## How to read it');
    expect(md.match(/^## .*\(`[a-z-]+`\)$/gm)).toHaveLength(4);
    expect(md.match(/^\| {2}\| nginx \| (ip-hash|round-robin) \|/gm)).toHaveLength(rows.length);
  });
});

describe('html', () => {
  const html = renderHtml(rows, meta);
  it('requests nothing from outside the file', () => {
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
  });
  it('has one grid cell per measured row and a chart per scenario', () => {
    expect(html.match(/<td style="background:/g)).toHaveLength(rows.length);
    expect(html.match(/aria-label="carts lost and clients moved"/g)).toHaveLength(4);
    // Load is the story of steady state and NAT: they get a skew chart too.
    expect(html.match(/aria-label="load skew"/g)).toHaveLength(2);
  });
  it('escapes text taken from rows', () => {
    const evil = renderHtml([row({ note: '<img src=x onerror=alert(1)>' })], meta);
    expect(evil).not.toContain('<img');
    expect(evil).toContain('&lt;img');
  });
  it('says which driver measured the rows, in the header and on each cell', () => {
    const compose = renderHtml([row({ driver: 'compose' })], meta);
    expect(compose).toContain('· driver compose</p>');
    expect(compose).toContain('title="compose driver: carts lost');
    expect(html).not.toContain('· driver ');
  });
  it('formats the numbers like the markdown', () => {
    expect(html).toContain('<b>33 %</b>');
    expect(html).toContain('skew 3.00');
  });
});

describe('a measurement without evidence', () => {
  const unknown = row({ carts_lost_pct: 'unknown', checks: { carts: { valid: 'unknown', reason: '30 clients had no successful cart read after the last fault' } } });
  it('reads "unknown" in markdown and HTML, never 0 %', () => {
    expect(markdownTable([unknown]).split('\n')[2]).toBe('|  | nginx | ip-hash | memory |  | 30 | 1 | unknown | 33 % | 0 | 1.20 |  |  | carts unknown: 30 clients had no successful cart read after the last fault |');
    const html = renderHtml([unknown], meta);
    expect(html).toContain('<b>unknown</b>');
    expect(html).toContain('no successful cart read after the last fault');
  });
});

describe('nginx and HAProxy side by side', () => {
  const pair = [
    row({ scenario: 'nat', variant: 'one /24', load_skew: 3 }),
    row({ scenario: 'nat', variant: 'one /24', balancer: 'haproxy', load_skew: 1.1 }),
    row({ scenario: 'nat', strategy: 'sticky-cookie' }),
  ];
  it('puts the HAProxy measurement right after nginx\'s for the same cell', () => {
    expect(groupRows([pair[2], pair[1], pair[0]])[0].rows).toEqual(pair);
  });
  it('gives HAProxy its own grid column next to nginx\'s and says which balancer a cell is', () => {
    const html = renderHtml(pair, meta);
    expect(html).toContain('<th>ip-hash<br>memory</th><th>ip-hash<br>memory<br>haproxy</th><th>sticky-cookie<br>memory</th>');
    expect(html).toContain('title="HAProxy: carts lost');
    expect(html.match(/<td style="background:/g)).toHaveLength(3);
  });
  it('states each measured difference under its scenario, in markdown and HTML', () => {
    const sentence = 'Clients behind NAT, ip-hash / memory (one /24): load skew 3.00 behind nginx, 1.10 behind HAProxy.';
    expect(renderMarkdown(pair, meta)).toContain(`nginx vs HAProxy, beyond the spread:\n\n- ${sentence}\n`);
    expect(renderHtml(pair, meta)).toContain(`<li>${sentence}</li>`);
  });
  it('says nothing about balancers when only one was measured', () => {
    expect(renderMarkdown(rows, meta)).not.toContain('nginx vs HAProxy');
    expect(renderHtml(rows, meta)).not.toContain('nginx vs HAProxy');
  });
});

describe('repeated runs, predictions and theory', () => {
  const repeated = row({
    scenario: 'scale-out',
    strategy: 'consistent-hash',
    carts_lost_pct: 30,
    clients_moved_pct: 30,
    runs: 3,
    spread: { carts_lost_pct: [20, 36.67], clients_moved_pct: [20, 36.67], load_skew: [1.2, 1.47] },
    theory: { metric: 'clients_moved_pct', value: 25, formula: 'consistent ring 3 → 4: ≈ 1/(N+1) = 1/4 of keys move, all to the new server' },
    moves: { from_removed: 0, to_new: 9, between_survivors: 0 },
  });
  const predicted = row({ scenario: 'scale-out', predicted: { placement_agreement_pct: 100, clients_moved_pct: 70, load_skew: 1.1 } });

  it('shows a random cell as median [min–max] with its runs, never a lone sample', () => {
    const line = markdownTable([repeated]).split('\n')[2];
    expect(line).toContain('| 3 | 30 % [20–37 %] | 30 % [20–37 %] | 0 | 1.20 [1.20–1.47] |');
    expect(renderHtml([repeated], meta)).toContain('<b>30 % [20–37 %]</b>');
  });

  it('puts the prediction and the theory in their own columns, and the moves in the note', () => {
    const [a, b] = [markdownTable([repeated]).split('\n')[2], markdownTable([predicted]).split('\n')[2]];
    expect(a).toContain('| moved 25 % (consistent ring 3 → 4: ≈ 1/(N+1) = 1/4 of keys move, all to the new server) |');
    expect(a).toContain('moves: 0 off the replica that left, 9 onto the new one, 0 between survivors');
    expect(b).toContain('| moved 70 %, skew 1.10, agrees 100 % |');
  });

  it('shows measured | predicted | theory side by side in the HTML', () => {
    const html = renderHtml([repeated, predicted], meta);
    expect(html).toContain('<h4>measured | predicted | theory</h4>');
    expect(html).toContain('<td>consistent-hash / memory</td><td>3</td><td>moved 30 % [20–37 %]</td><td>–</td><td>moved 25 %');
    expect(html).toContain('<td>ip-hash / memory</td><td>1</td><td>moved 33 %</td><td>moved 70 %, skew 1.10, agrees 100 %</td><td>–</td>');
    expect(renderHtml(rows, meta)).not.toContain('measured | predicted | theory');
  });
});
