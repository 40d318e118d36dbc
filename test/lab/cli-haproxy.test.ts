// `lab up --balancer haproxy` end to end with the BUILT CLI: the status names
// the engine, a request is served through HAProxy, `lab balancer reload`
// keeps the process and `restart` replaces it on the same URL, and `down`
// leaves nothing behind.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabClient, userAddress } from '../../apps/lab/src/client';
import { findBinary } from '../../apps/lab/src/util/find-binary';
import { waitFor } from '../../apps/lab/src/util/wait';
import { alive, ensureBuilt, lab } from '../support/lab-cli';
import { noteSkip } from '../support/skip';

jest.setTimeout(300_000);

beforeAll(ensureBuilt);

const missing = ['haproxy'].filter((b) => !findBinary(b));
if (missing.length) noteSkip(`lab CLI with HAProxy: ${missing.join(' and ')} not installed (CI installs it; see .ci/run)`);

async function served(url: string, sourceAddress: string) {
  const client = new LabClient({ name: 'cli-haproxy', baseUrl: url, sourceAddress });
  try {
    return await client.root();
  } finally {
    client.close();
  }
}

(missing.length ? describe.skip : describe)('lab CLI with --balancer haproxy', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lab-cli-haproxy-'));
  });
  afterEach(async () => {
    if (!dir) return;
    if (existsSync(join(dir, 'state.json'))) await lab(dir, ['down'], 120_000);
    rmSync(dir, { recursive: true, force: true });
  });

  it('up --balancer haproxy --strategy stick-table, status, a request served, reload, restart, down', async () => {
    const up = await lab(dir, ['up', '--detach', '--json', '--balancer', 'haproxy', '--strategy', 'stick-table', '--replicas', '2', '--port', '0', '--dashboard-port', '0']);
    expect(up.stderr).toBe('');
    expect(up.code).toBe(0);
    const started = JSON.parse(up.stdout);
    expect(started).toMatchObject({ strategy: 'stick-table', balancer: { engine: 'haproxy', state: 'running' } });
    expect(started.balancer.version).toMatch(/^\d+\.\d+\.\d+$/);
    const firstPid: number = started.balancer.pid;
    expect(alive(firstPid)).toBe(true);

    const text = await lab(dir, ['status']);
    expect(text.stdout).toMatch(new RegExp(`^ {2}balancer +haproxy ${started.balancer.version.replace(/\./g, '\\.')}, running \\(pid ${firstPid}\\)$`, 'm'));
    expect(text.stdout).toMatch(/^ {2}strategy +stick-table$/m);

    const user = userAddress(3);
    const first = await served(started.url, user);
    expect(first.status).toBe(200);
    expect(['app1', 'app2']).toContain(first.servedBy);
    // The stick table keeps the client where its first request went.
    for (let i = 0; i < 4; i++) expect((await served(started.url, user)).servedBy).toBe(first.servedBy);

    const reload = await lab(dir, ['balancer', 'reload']);
    expect(reload.code).toBe(0);
    expect(reload.stdout.trim()).toBe('haproxy reloaded gracefully with the same config');
    const afterReload = JSON.parse((await lab(dir, ['status', '--json'])).stdout);
    expect(afterReload.balancer).toMatchObject({ engine: 'haproxy', state: 'running', pid: firstPid });

    const restart = await lab(dir, ['balancer', 'restart', '--json']);
    expect(restart.code).toBe(0);
    const restarted = JSON.parse(restart.stdout);
    expect(restarted.message).toMatch(/^haproxy restarted/);
    expect(restarted.status.url).toBe(started.url);
    expect(restarted.status.balancer.pid).not.toBe(firstPid);
    await waitFor('the old haproxy master to be gone', () => !alive(firstPid), { timeoutMs: 15_000 });
    expect((await served(started.url, user)).status).toBe(200);

    // A stopped replica: HAProxy's health check takes it out, and status says so (it no longer reads "in rotation").
    const other = first.servedBy === 'app1' ? 'app2' : 'app1';
    expect((await lab(dir, ['status'])).stdout).toMatch(new RegExp(`^ {2}${other} +running +in rotation `, 'm'));
    expect((await lab(dir, ['stop', other])).code).toBe(0);
    const checkDown = new RegExp(`^ {2}${other} +stopped +check down `, 'm');
    await waitFor(`status to show ${other} "check down"`, async () => checkDown.test((await lab(dir, ['status'])).stdout), { timeoutMs: 30_000, intervalMs: 500 });

    const logs = JSON.parse((await lab(dir, ['logs', '--json', '--tail', '5'])).stdout);
    expect(Object.keys(logs.logs)).toEqual(expect.arrayContaining(['haproxy', 'haproxy-access', 'app1', 'app2']));

    const down = await lab(dir, ['down']);
    expect(down.code).toBe(0);
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
    const pids = [started.pid, restarted.status.balancer.pid, ...started.replicas.map((r: { pid: number }) => r.pid)];
    await waitFor('every process of the lab to be gone', () => pids.every((p) => !alive(p)), { timeoutMs: 15_000 });
  });
});
