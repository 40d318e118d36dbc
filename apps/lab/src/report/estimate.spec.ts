import type { MatrixRow, ScenarioDefinition } from '../scenarios/types';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { estimateSeconds, formatDuration, readSample, secondsPerRun } from './estimate';

function row(over: Partial<MatrixRow>): MatrixRow {
  return { scenario: 'nat', strategy: 'ip-hash', store: 'memory', clients: 30, carts_lost_pct: 0, clients_moved_pct: 0, failed_requests: 0, load_skew: 3, ...over };
}
const def = (id: string, params: ScenarioDefinition['params']) => ({ id, title: id, fault: '', params, run: () => Promise.reject(new Error('not run')) }) as ScenarioDefinition;

describe('time estimates from the committed sample', () => {
  const sample = [
    // One run, two variants: one duration, counted once.
    row({ variant: 'one /24', duration_ms: 4000 }),
    row({ variant: 'one address', duration_ms: 4000 }),
    // Three runs of a random cell: their summed duration over three.
    row({ scenario: 'scale-out', strategy: 'consistent-hash', duration_ms: 18_000, runs: 3 }),
  ];

  it('takes seconds per run per scenario, variants counted once and repeated runs divided out', () => {
    expect(secondsPerRun(sample, 'nat')).toBe(4);
    expect(secondsPerRun(sample, 'scale-out')).toBe(6);
    // A scenario the sample lacks: the sample's mean per run.
    expect(secondsPerRun(sample, 'flood')).toBe(22 / 4);
  });

  it('multiplies by the runs each cell will take, and knows nothing without a sample', () => {
    const list = [def('scale-out', [{ strategy: 'round-robin', store: 'redis' }, { strategy: 'ip-hash', store: 'memory' }])];
    // round-robin is random (3 runs), ip-hash runs once: 4 runs of 6 s.
    expect(estimateSeconds(list, sample, 3)).toBe(24);
    expect(estimateSeconds(list, undefined)).toBeUndefined();
  });

  it('says a duration in round words', () => {
    expect(formatDuration(42)).toBe('about 40 s');
    expect(formatDuration(1)).toBe('about 5 s');
    expect(formatDuration(200)).toBe('about 3 min');
  });
});

describe('readSample', () => {
  it('gives no sample (so no estimate) for a missing, garbled or foreign matrix.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-sample-'));
    try {
      expect(readSample(dir)).toBeUndefined();
      for (const text of ['{"rows": [', '"a string"', '{"rows": 3}']) {
        writeFileSync(join(dir, 'matrix.json'), text);
        expect(readSample(dir)).toBeUndefined();
      }
      writeFileSync(join(dir, 'matrix.json'), '{"rows": []}');
      expect(readSample(dir)).toEqual({ rows: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
