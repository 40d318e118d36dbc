// `lab rollout` through the built CLI: bad --drain-wait values are usage
// errors (exit 2) before anything is asked of a lab; a real lab rolls every
// replica (new pids, same names) and refuses while a replica is stopped.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBinary } from '../../apps/lab/src/util/find-binary';
import { ensureBuilt, lab } from '../support/lab-cli';
import { noteSkip } from '../support/skip';

jest.setTimeout(300_000);

beforeAll(ensureBuilt);

describe('lab rollout', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'lab-rollout-'))));
  afterEach(async () => {
    if (existsSync(join(dir, 'state.json'))) await lab(dir, ['down'], 120_000);
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects a bad --drain-wait with exit 2 and says what it takes', async () => {
    for (const bad of ['--drain-wait=-1', '--drain-wait=abc', '--drain-wait=601', '--drain-wait=1e9', '--drain-wait=']) {
      const r = await lab(dir, ['rollout', bad], 30_000);
      expect([bad, r.code, r.stderr]).toEqual([bad, 2, expect.stringContaining('--drain-wait must be a number of seconds from 0 to 600')]);
    }
    const missing = await lab(dir, ['rollout', '--drain-wait'], 30_000);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('--drain-wait needs a value')]);
  });

  const noNginx = !findBinary('nginx');
  if (noNginx) noteSkip('lab rollout round trip: nginx not installed');
  (noNginx ? it.skip : it)('rolls every replica of a running lab, and refuses while one is stopped', async () => {
    const up = await lab(dir, ['up', '--detach', '--json', '--strategy', 'sticky-cookie', '--port', '0', '--dashboard-port', '0']);
    expect([up.code, up.stderr]).toEqual([0, '']);
    const pids = async () => Object.fromEntries(JSON.parse((await lab(dir, ['status', '--json'])).stdout).replicas.map((r: { name: string; pid: number }) => [r.name, r.pid]));
    const before = await pids();
    const rolled = await lab(dir, ['rollout', '--drain-wait', '1', '--json']);
    expect([rolled.code, rolled.stderr]).toEqual([0, '']);
    const reply = JSON.parse(rolled.stdout);
    expect(reply.steps.map((s: { replica: string }) => s.replica)).toEqual(['app1', 'app2', 'app3']);
    const after = await pids();
    for (const name of ['app1', 'app2', 'app3']) expect(after[name]).not.toBe(before[name]);
    expect(reply.status.replicas.every((r: { state: string; draining: boolean }) => r.state === 'running' && !r.draining)).toBe(true);

    expect((await lab(dir, ['stop', 'app2'])).code).toBe(0);
    const refused = await lab(dir, ['rollout']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/cannot roll out: app2 is not serving normally \(it is stopped\)/);
  });
});
