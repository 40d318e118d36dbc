import { sampleCounts } from '../../report/docs-sync';
import { readSample } from '../../report/estimate';
import { SCENARIOS } from '../../scenarios';
import { defaultOut, report } from './report';

describe('report output directory', () => {
  it('writes the full run to reports/', () => {
    expect(defaultOut()).toBe('reports');
    expect(defaultOut([])).toBe('reports');
  });

  it('writes a subset beside it, never over it, named after what ran', () => {
    expect(defaultOut(['nat'])).toBe('reports/subset-nat');
    expect(defaultOut(['scale-out', 'nat'])).toBe('reports/subset-nat-scale-out');
  });
});

describe('lab help report', () => {
  it('lists every scenario id and the counts the README states (both from the registry and the committed sample)', () => {
    const usage = report.usage;
    expect(SCENARIOS.map((s) => s.id).filter((id) => !usage.includes(id))).toEqual([]);
    const [teaching, all] = /teaching set: (.*); `lab report --all` runs the full grid: (.*)\. A random/.exec(sampleCounts(readSample()!))!.slice(1);
    expect(usage).toContain(`the teaching set: ${teaching}`);
    expect(usage).toContain(`balancer grid: ${all}`);
  });
});

describe('lab report options', () => {
  it('refuses a run count that is not a whole number from 1 to 20, before booting anything', async () => {
    for (const bad of ['0', '21', 'x', '2.5']) await expect(report.run(['--runs', bad], {} as never)).rejects.toThrow(`--runs must be an integer from 1 to 20 (got "${bad}")`);
  });
});
