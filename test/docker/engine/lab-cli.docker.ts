// The lab CLI on the compose driver, as a person runs it:
// `LAB_DRIVER=compose npm run lab -- up/status/kill/start/down`, and
// `lab report` writing its matrix, each row naming the compose driver (a wait
// that ended the process early used to make it exit 0 having written nothing).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEACHING } from '../../../apps/lab/src/scenarios/plan';
import { waitFor } from '../../../apps/lab/src/util/wait';
import { ensureBuilt, lab } from '../../support/lab-cli';
import { describeDocker, sh, sweepLeftovers } from './support';

const d = describeDocker('lab-cli.docker');
jest.setTimeout(15 * 60_000);

/** Compose projects the lab's driver has running (its names start with sticky-lab-). */
async function labProjects(): Promise<string[]> {
  const r = await sh('docker', ['ps', '-a', '--filter', 'label=com.docker.compose.project', '--format', '{{.Label "com.docker.compose.project"}}']);
  return [...new Set(r.stdout.split('\n').filter((p) => p.startsWith('sticky-lab-')))].sort();
}

async function servedBy(url: string): Promise<{ status: number; by: string | null }> {
  const r = await sh('curl', ['-s', '-o', '/dev/null', '-D', '-', '--max-time', '10', `${url}/`]);
  return { status: Number(/^HTTP\/[\d.]+ (\d+)/.exec(r.stdout)?.[1]), by: /^x-served-by:\s*(\S+)/im.exec(r.stdout)?.[1] ?? null };
}

d('lab CLI with LAB_DRIVER=compose', () => {
  let dir: string;
  const saved = process.env.LAB_DRIVER;
  beforeAll(() => {
    ensureBuilt();
    sweepLeftovers();
    process.env.LAB_DRIVER = 'compose';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.LAB_DRIVER;
    else process.env.LAB_DRIVER = saved;
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lab-compose-cli-'));
  });
  afterEach(async () => {
    if (existsSync(join(dir, 'state.json'))) await lab(dir, ['down'], 180_000);
    rmSync(dir, { recursive: true, force: true });
  });

  it('up, status, kill, start, down: containers come and go, nothing is left', async () => {
    const before = await labProjects();
    const up = await lab(dir, ['up', '--detach', '--json', '--strategy', 'round-robin', '--port', '0', '--dashboard-port', '0'], 600_000);
    expect({ code: up.code, stderr: up.code ? up.stderr : '' }).toEqual({ code: 0, stderr: '' });
    const started = JSON.parse(up.stdout) as { url: string };
    const mine = (await labProjects()).filter((p) => !before.includes(p));
    expect(mine).toHaveLength(1);

    const status = JSON.parse((await lab(dir, ['status', '--json'])).stdout);
    expect(status.driver).toBe('compose');
    expect(status.replicas.map((r: { name: string; state: string }) => `${r.name}:${r.state}`)).toEqual(['app1:running', 'app2:running', 'app3:running']);

    const kill = await lab(dir, ['kill', 'app2']);
    expect(kill.code).toBe(0);
    expect(kill.stdout).toMatch(/app2 killed/);
    const afterKill = JSON.parse((await lab(dir, ['status', '--json'])).stdout);
    expect(afterKill.replicas.find((r: { name: string }) => r.name === 'app2').state).toBe('killed');
    const app2 = (await sh('docker', ['ps', '-a', '--filter', `label=com.docker.compose.project=${mine[0]}`, '--filter', 'label=com.docker.compose.service=app2', '--format', '{{.State}}'])).stdout.trim();
    expect(app2).toBe('exited');
    for (let i = 0; i < 6; i++) {
      const r = await servedBy(started.url);
      expect(r.status).toBe(200);
      expect(['app1', 'app3']).toContain(r.by);
    }

    expect((await lab(dir, ['start', 'app2'])).code).toBe(0);
    const restarted = JSON.parse((await lab(dir, ['status', '--json'])).stdout);
    expect(restarted.replicas.find((r: { name: string }) => r.name === 'app2').state).toBe('running');
    // nginx took app2 out for its fail_timeout when the kill failed a request: poll, bounded, until it is back.
    await waitFor('app2 to serve again after its start', async () => (await servedBy(started.url)).by === 'app2' || undefined, { timeoutMs: 30_000, intervalMs: 200 });
    const seen = new Set<string | null>();
    for (let i = 0; i < 9; i++) seen.add((await servedBy(started.url)).by);
    expect(seen).toEqual(new Set(['app1', 'app2', 'app3']));

    const down = await lab(dir, ['down'], 180_000);
    expect(down.code).toBe(0);
    expect(await labProjects()).toEqual(before);
    const nets = await sh('docker', ['network', 'ls', '--filter', `label=com.docker.compose.project=${mine[0]}`, '-q']);
    expect(nets.stdout.trim()).toBe('');
  });

  it('report --only replica-killed writes matrix rows that say they were measured on compose', async () => {
    const before = await labProjects();
    const out = join(dir, 'out');
    const r = await lab(dir, ['report', '--only', 'replica-killed', '--out', out, '--json'], 900_000);
    expect({ code: r.code, stderr: r.code ? r.stderr.slice(-3000) : '' }).toEqual({ code: 0, stderr: '' });
    const { rows } = JSON.parse(readFileSync(join(out, 'matrix.json'), 'utf8')) as { rows: Array<Record<string, unknown>> };
    // --only runs the teaching cells of a scenario in the teaching set (scenarios/plan.ts).
    expect(rows.map((x) => `${x.strategy}/${x.store}`)).toEqual(TEACHING['replica-killed']);
    expect(rows.map((x) => x.driver)).toEqual(rows.map(() => 'compose'));
    // The failure mode itself holds under Compose: a shared store loses no cart, whoever served it.
    for (const row of rows.filter((x) => x.store === 'redis')) expect(row.carts_lost_pct).toBe(0);
    expect(JSON.parse(r.stdout).rows).toEqual(rows);
    expect(readFileSync(join(out, 'matrix.md'), 'utf8')).toMatch(/^\| compose \| nginx \| round-robin \| redis \|/m);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('· driver compose</p>');
    expect(await labProjects()).toEqual(before);
  });
});
