// The `lab` CLI end to end, as a person would use it from two terminals: the
// BUILT CLI (`node dist/apps/lab/main.js`, what `npm run lab --` runs) in
// child processes, each test with its own state dir and free ports.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabClient, userAddress } from '../../apps/lab/src/client';
import { findBinary } from '../../apps/lab/src/util/find-binary';
import { waitFor } from '../../apps/lab/src/util/wait';
import { alive, ensureBuilt, lab, MAIN, ROOT } from '../support/lab-cli';
import { noteSkip } from '../support/skip';

jest.setTimeout(300_000);

/** The supervisor is reparented when the detaching CLI exits; give init a moment to reap it. */
const allGone = (pids: number[]) => waitFor(`pids ${pids.join(' ')} to be gone`, () => pids.every((p) => !alive(p)), { timeoutMs: 15_000 });

/** On failure, the supervisor's log and every component's log tail are the evidence. */
async function withEvidence(dir: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    const log = join(dir, 'supervisor.log');
    const logs = await lab(dir, ['logs', '--tail', '30'], 30_000);
    console.error(`supervisor log:\n${existsSync(log) ? readFileSync(log, 'utf8') : '(none)'}\n\nlab logs:\n${logs.stdout}${logs.stderr}`);
    throw err;
  }
}

beforeAll(ensureBuilt);

const missing = ['nginx', 'redis-server'].filter((b) => !findBinary(b));
if (missing.length) noteSkip(`lab CLI round trip: ${missing.join(' and ')} not installed (CI installs them; see .ci/run)`);

(missing.length ? describe.skip : describe)('lab CLI round trip', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lab-cli-'));
  });

  afterEach(async () => {
    if (!dir) return;
    if (existsSync(join(dir, 'state.json'))) await lab(dir, ['down'], 120_000);
    rmSync(dir, { recursive: true, force: true });
  });

  it('up --detach, kill app2 and route around it, start it again, probe, down leaves nothing behind', async () => {
    const upRun = await lab(dir, ['up', '--detach', '--json', '--port', '0', '--dashboard-port', '0']);
    expect(upRun.stderr).toBe('');
    expect(upRun.code).toBe(0);
    await withEvidence(dir, async () => {
      const started = JSON.parse(upRun.stdout);
      expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
      expect(started.control_url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
      const supervisor: number = started.pid;
      expect(alive(supervisor)).toBe(true);

      const status = JSON.parse((await lab(dir, ['status', '--json'])).stdout);
      expect(status.pid).toBe(supervisor);
      expect(status.replicas.map((r: { name: string; state: string }) => `${r.name}:${r.state}`)).toEqual([
        'app1:running',
        'app2:running',
        'app3:running',
      ]);
      const firstPids: number[] = status.replicas.map((r: { pid: number }) => r.pid);

      // ip-hash: find a user (/24) that app2 serves, so killing app2 must move them
      const user = await userOf(started.url, 'app2');
      const killRun = await lab(dir, ['kill', 'app2']);
      expect(killRun.code).toBe(0);
      expect(killRun.stdout).toMatch(/app2 killed/);
      const afterKill = JSON.parse((await lab(dir, ['status', '--json'])).stdout);
      expect(afterKill.replicas.find((r: { name: string }) => r.name === 'app2').state).toBe('killed');
      expect(alive(firstPids[1])).toBe(false);
      const served = await servedBy(started.url, user);
      expect(served.status).toBe(200);
      expect(['app1', 'app3']).toContain(served.servedBy);

      expect((await lab(dir, ['start', 'app2'])).code).toBe(0);
      const restarted = JSON.parse((await lab(dir, ['status', '--json'])).stdout);
      const app2 = restarted.replicas.find((r: { name: string }) => r.name === 'app2');
      expect(app2.state).toBe('running');
      expect(app2.pid).not.toBe(firstPids[1]);
      expect(alive(app2.pid)).toBe(true);
      // The request above failed on app2 and nginx took it out for its
      // fail_timeout (2 s): until then its users go elsewhere, as a probe would
      // truthfully report. Poll, bounded, until app2's user is back on it.
      await waitFor('app2 to serve its ip-hash user again after its start', async () => (await servedBy(started.url, user)).servedBy === 'app2', { timeoutMs: 15_000, intervalMs: 200 });

      const unknown = await lab(dir, ['stop', 'app9']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr.trim()).toBe('lab stop: no replica named "app9"; replicas: app1, app2, app3');
      const twice = await lab(dir, ['start', 'app1']);
      expect(twice.code).toBe(1);
      expect(twice.stderr).toMatch(/app1 is already running/);

      const probe = JSON.parse((await lab(dir, ['probe', '--json', '--clients', '3', '--requests', '3'])).stdout);
      expect(probe.clients).toHaveLength(3);
      for (const c of probe.clients) {
        expect(c.address).toMatch(/^127\.0\.\d+\.1$/);
        expect(c.served_by).toHaveLength(3);
        expect(c.replicas).toHaveLength(1); // ip-hash, nothing failing: each user stays put
        expect(c.survived).toBe(true);
      }
      expect(probe.summary).toMatchObject({ clients: 3, pinned: 3, moved: 0, carts_lost: 0 });
      // memory store: the three probe carts are sessions held by the replicas that served them
      const held = JSON.parse((await lab(dir, ['status', '--json'])).stdout).replicas.map((r: { stats: { sessions: number } }) => r.stats.sessions);
      expect(held.reduce((a: number, b: number) => a + b, 0)).toBeGreaterThanOrEqual(3);

      const logs = JSON.parse((await lab(dir, ['logs', '--json', '--tail', '5'])).stdout);
      expect(Object.keys(logs.logs)).toEqual(expect.arrayContaining(['nginx', 'app1', 'app2', 'app3', 'supervisor']));

      const downRun = await lab(dir, ['down']);
      expect(downRun.code).toBe(0);
      expect(downRun.stdout).toMatch(`supervisor pid ${supervisor} exited`);
      expect(existsSync(join(dir, 'state.json'))).toBe(false);
      await allGone([supervisor, ...firstPids, app2.pid]);
    });
  });

  it('foreground up with redis: redis verbs, refuses a second up, tears down on Ctrl-C', async () => {
    const args = ['up', '--port', '0', '--dashboard-port', '0', '--replicas', '2', '--store', 'redis', '--strategy', 'sticky-cookie'];
    const child = spawn(process.execPath, [MAIN, ...args], {
      env: { ...process.env, LAB_STATE_DIR: dir, NO_COLOR: '1' },
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      const state = await waitFor(
        'the foreground lab to be running',
        () => {
          if (child.exitCode !== null) throw new Error(`up exited early:\n${output}`);
          const s = existsSync(join(dir, 'state.json')) && JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'));
          return s && s.phase === 'running' ? s : null;
        },
        { timeoutMs: 180_000, intervalMs: 200 },
      );
      expect(state.pid).toBe(child.pid);
      expect(output).toMatch(/Sticky Sessions Lab is up/);
      expect(output).toMatch(/app2\s+running/);
      expect(output).toMatch(/redis\s+redis:\/\/127\.0\.0\.1:\d+ \(running\)/);

      expect((await lab(dir, ['redis', 'pause'])).code).toBe(0);
      const twice = await lab(dir, ['redis', 'pause']);
      expect(twice.code).toBe(1);
      expect(twice.stderr.trim()).toBe('lab redis: cannot pause redis: it is paused');
      expect((await lab(dir, ['redis', 'resume'])).code).toBe(0);
      const status = JSON.parse((await lab(dir, ['status', '--json'])).stdout);
      expect(status.redis.state).toBe('running');
      expect(status.balancer).toMatchObject({ engine: 'nginx', sticky: 'portable' });

      const second = await lab(dir, ['up', '--detach', '--port', '0', '--dashboard-port', '0']);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(`a lab is already running here (pid ${child.pid}`);
      expect(second.stderr).toMatch('npm run lab -- down');

      const pids: number[] = state.child_pids;
      expect(pids.length).toBeGreaterThanOrEqual(4); // 2 replicas + nginx (+ its workers) + redis
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(existsSync(join(dir, 'state.json'))).toBe(false);
      await allGone(pids);
    } catch (err) {
      console.error(`foreground up output:\n${output}`);
      throw err;
    } finally {
      // graceful first so the supervisor tears down; afterEach's `down` reaps whatever a SIGKILL leaves
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 60_000).unref())]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    }
  });
});

async function servedBy(url: string, sourceAddress: string) {
  const client = new LabClient({ name: 'cli-test', baseUrl: url, sourceAddress });
  try {
    return await client.root();
  } finally {
    client.close();
  }
}

/** A source address in its own /24 that ip-hash sends to `replica` (a few tries: 3 replicas). */
async function userOf(url: string, replica: string): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const reply = await servedBy(url, userAddress(i));
    if (reply.servedBy === replica) return userAddress(i);
  }
  throw new Error(`no user among 40 /24s is served by ${replica}`);
}
