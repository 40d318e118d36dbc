// Every number the docs state about the report comes from the committed
// sample and the registry: the README's table and counts and docs/scenarios.md's
// counts are checked against them here (`lab help report`: cli/commands/report.spec.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MatrixRow } from '../scenarios/types';
import { repoRoot } from '../topology/paths';
import { between, readmeTable, replaceBetween, sampleCounts } from './docs-sync';
import { readSample } from './estimate';

const root = repoRoot();
const read = (...p: string[]) => readFileSync(join(root, ...p), 'utf8');

describe('the docs say what the committed sample measured', () => {
  const sample = readSample();

  it('has a sample to speak from', () => {
    expect(sample?.rows.length).toBeGreaterThan(0);
  });

  it('README: the matrix table equals docs/report-sample/matrix.json (npm run docs:report-sample rewrites it)', () => {
    expect(between(read('README.md'), 'report-table')).toBe(readmeTable(sample!.rows));
  });

  it('README and docs/scenarios.md: the counts and times equal the registry\'s and the sample\'s', () => {
    const counts = sampleCounts(sample!);
    expect(between(read('README.md'), 'report-counts')).toBe(counts);
    expect(between(read('docs', 'scenarios.md'), 'report-counts')).toBe(counts);
  });
});

describe('readmeTable', () => {
  const row = (over: Partial<MatrixRow>): MatrixRow => ({ scenario: 'replica-killed', strategy: 'ip-hash', store: 'memory', clients: 30, carts_lost_pct: 100 / 3, clients_moved_pct: 100 / 3, failed_requests: 0, load_skew: 1.1, ...over });

  it('has one line per failure mode and variant, one column per measured cell, skew for NAT, ranges for repeated cells', () => {
    const rows = [
      row({}),
      row({ strategy: 'consistent-hash', carts_lost_pct: 40, runs: 3, spread: { carts_lost_pct: [23.33, 46.67], clients_moved_pct: [23.33, 46.67], load_skew: [1.1, 1.2] } }),
      row({ scenario: 'nat', variant: 'one /24', load_skew: 3 }),
      row({ scenario: 'nat', variant: 'one /24', balancer: 'haproxy', load_skew: 1.2 }),
    ];
    expect(readmeTable(rows).split('\n')).toEqual([
      '| failure mode | ip-hash / memory | HAProxy · ip-hash / memory | consistent-hash / memory |',
      '|---|--:|--:|--:|',
      '| Replica killed | 33 % | · | 40 % [23–47 %] |',
      '| Clients behind NAT (one /24): load skew | 3.00 | 1.20 | · |',
    ]);
  });
});

describe('replaceBetween', () => {
  it('replaces only what stands between the markers, and refuses a text without them', () => {
    const text = 'a\n<!-- x:start -->\nold\n<!-- x:end -->\nb';
    expect(replaceBetween(text, 'x', 'new')).toBe('a\n<!-- x:start -->\nnew\n<!-- x:end -->\nb');
    expect(() => replaceBetween('no markers', 'x', 'new')).toThrow('markers <!-- x:start --> … <!-- x:end --> not found');
  });
});
