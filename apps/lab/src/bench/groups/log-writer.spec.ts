// A short run of the built log writer child: both writers measured, in one
// process, with a figure each (never a speed asserted: the bench reports it).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runLogWriters } from './log-writer';

const CHILD = join(__dirname, '../../../../../dist/apps/lab/bench/log-writer/child.js');

describe('log writer bench case', () => {
  it('measures pino and the hand-written writer in one run, per line', async () => {
    if (!existsSync(CHILD)) throw new Error(`${CHILD} is missing: run npm run build first`);
    const r = await runLogWriters(CHILD, 2_000, 2);
    expect(r).toEqual({ lines: 4_000, pino_us_per_line: expect.any(Number), json_us_per_line: expect.any(Number), ratio: expect.any(Number) });
    expect(r.pino_us_per_line).toBeGreaterThan(0);
    expect(r.json_us_per_line).toBeGreaterThan(0);
  });

  it('rejects, with what the child said, when the child fails', async () => {
    await expect(runLogWriters(join(__dirname, 'no-such-child.js'), 10, 1)).rejects.toThrow(/log writer child ended with 1: .*Cannot find module/s);
  });
});
