// `npm run lab -- report` end to end: the BUILT CLI (npm test builds first)
// runs one cheap scenario (hostile-client: three topologies) and writes the
// three report files.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBinary } from '../../apps/lab/src/util/find-binary';
import { missingBinaries } from '../support/topology';
import { noteSkip } from '../support/skip';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist/apps/lab/main.js');

function lab(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN, ...args], { cwd, timeout: 110_000, env: { ...process.env, NO_COLOR: '1' } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('lab report', () => {
  let dir: string;
  beforeEach(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
    dir = mkdtempSync(join(tmpdir(), 'lab-report-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects an unknown scenario with the list of known ones', async () => {
    const r = await lab(['report', '--only', 'steady-state,nope'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown scenario nope');
    expect(r.stderr).toContain('hostile-client');
  });

  const missing = [...missingBinaries('redis'), ...(findBinary('haproxy') ? [] : ['haproxy'])];
  if (missing.length) noteSkip(`report-cli matrix files: ${missing.join(', ')} not installed`);
  // --only without --out: the subset goes beside the full report, never over
  // it. (--out and --json on one run: test/docker/engine/lab-cli.docker.ts.)
  (missing.length ? it.skip : it)(
    `writes matrix.json, matrix.md and index.html of a subset beside the full report, says where, and counts the rows${missing.length ? ` [skipped: ${missing.join(', ')} not installed]` : ''}`,
    async () => {
      const full = join(dir, 'reports', 'matrix.json');
      mkdirSync(join(dir, 'reports'));
      writeFileSync(full, '"the full run"\n');
      const r = await lab(['report', '--only', 'hostile-client'], dir);
      expect({ code: r.code, stderr: r.code ? r.stderr : '' }).toEqual({ code: 0, stderr: '' });
      const subset = join(dir, 'reports', 'subset-hostile-client');
      expect(r.stderr).toContain(`the report goes to ${subset}/`);
      expect(readFileSync(full, 'utf8')).toBe('"the full run"\n');
      const { rows } = JSON.parse(readFileSync(join(subset, 'matrix.json'), 'utf8'));
      expect(rows.map((x: { balancer: string; strategy: string; store: string }) => `${x.balancer}/${x.strategy}/${x.store}`)).toEqual([
        'nginx/sticky-cookie/memory',
        'nginx/sticky-cookie/redis',
        'haproxy/sticky-cookie/memory',
      ]);
      expect(r.stdout).toMatch(new RegExp(`^3 rows written in \\d+ s → ${subset}/index\\.html`, 'm'));
      // Progress went to stderr, one finished line per measurement.
      expect(r.stderr.match(/^✓ \[\d\/3\] hostile-client/gm)).toHaveLength(3);
      expect(r.stderr).toMatch(/^✓ \[3\/3\] hostile-client +haproxy · sticky-cookie \/ memory/m);
      expect(readFileSync(join(subset, 'matrix.md'), 'utf8')).toContain('## Hostile client (`hostile-client`)');
      expect(readFileSync(join(subset, 'index.html'), 'utf8')).toMatch(/^<!doctype html>/);
    },
    120_000,
  );
});
