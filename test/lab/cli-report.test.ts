// `report --only` runs a subset: it must not replace the full run in
// reports/, must say where it writes, and must count the rows it wrote.
// hostile-client is the cheapest scenario (two topologies).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, MAIN, Run } from '../support/lab-cli';

jest.setTimeout(360_000);

function report(cwd: string, args: string[]): Promise<Run> {
  return new Promise((done) =>
    execFile(process.execPath, [MAIN, 'report', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, timeout: 300_000 }, (err, stdout, stderr) =>
      done({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
    ),
  );
}

describe('lab report --only', () => {
  let cwd: string;
  beforeAll(ensureBuilt);
  beforeEach(() => (cwd = mkdtempSync(join(tmpdir(), 'lab-cli-report-'))));
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));

  it('writes the subset beside the full report, says where, and counts the rows it wrote', async () => {
    const full = join(cwd, 'reports', 'matrix.json');
    mkdirSync(join(cwd, 'reports'));
    writeFileSync(full, '"the full run"\n');
    const run = await report(cwd, ['--only', 'hostile-client']);
    const subset = join(cwd, 'reports', 'subset-hostile-client');
    expect([run.code, run.code === 0 ? '' : run.stderr]).toEqual([0, '']);
    expect(run.stderr).toMatch(`the report goes to ${subset}/`);
    expect(readFileSync(full, 'utf8')).toBe('"the full run"\n');
    const rows = (JSON.parse(readFileSync(join(subset, 'matrix.json'), 'utf8')) as { rows: unknown[] }).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(run.stdout).toMatch(new RegExp(`^${rows.length} rows? written in \\d+ s → ${subset}/index\\.html`, 'm'));
    expect(existsSync(join(subset, 'matrix.md'))).toBe(true);
  });
});
