// The README's walk-through is what `up` prints, and it does what the README
// says: one detached lab, the printed block compared with the README's, its
// curl lines run with real curl, then what a newcomer does next: `status`
// (what its columns mean), `logs -f`, the supervisor's log, and a supervisor
// SIGKILLed, after which `up` on the same ports cleans up and starts.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pidGone } from '../../apps/lab/src/cli/pids';
import { waitFor } from '../../apps/lab/src/util/wait';
import { ensureBuilt, lab, ROOT, Run, spawnLab } from '../support/lab-cli';
import { noteSkip } from '../support/skip';
import { findBinary } from '../../apps/lab/src/util/find-binary';

jest.setTimeout(420_000);

const README_URL = 'http://127.0.0.1:8080';
const README_DASHBOARD = 'http://127.0.0.1:8081/';

interface Cart {
  served_by: string;
  items: Array<{ sku: string; qty: number }>;
  session?: string;
}

function readmeBlock(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf('<!-- walk-through:');
  const fence = readme.indexOf('```\n', at);
  return readme.slice(fence + 4, readme.indexOf('\n```', fence + 4));
}

const shell = (line: string) =>
  new Promise<string>((resolve, reject) =>
    execFile('sh', ['-c', line], { timeout: 30_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout))),
  );

const stateOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'));

const curlMissing = !findBinary('curl');
if (curlMissing) noteSkip('cli-walkthrough: curl not installed (apt-get install -y curl): the README walk-through is not run');
const maybe = curlMissing ? describe.skip : describe;

maybe('the README walk-through, run against a detached lab', () => {
  let dir: string;
  // every CLI answer of the test, printed only when a step fails
  let evidence: Run[] = [];
  // The lab's run registry lives in the temporary directory, and any lab
  // command reaps the orphans of a dead supervisor: a suite running beside
  // this one would reap the orphans this one SIGKILLs and means to count.
  // This suite's lab processes get a temporary directory of their own.
  const savedTmp = process.env.TMPDIR;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'lab-cli-walk-'));
    process.env.TMPDIR = mkdtempSync(join(dir, 'tmp-'));
  });
  afterAll(async () => {
    await lab(dir, ['down']);
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => (evidence = []));
  const dump = () => evidence.map((r) => `exit ${r.code}\n${r.stdout}\n${r.stderr}`).join('\n---\n');
  const run = async (args: string[]) => {
    const r = await lab(dir, args);
    evidence.push(r);
    return r;
  };
  it('prints the README block, and each step does what the README says', async () => {
    const upRun = await run(['up', '--detach', '--port', '0', '--dashboard-port', '0']);
    expect([upRun.code, upRun.code === 0 ? '' : dump()]).toEqual([0, '']);
    const printed = upRun.stdout.slice(upRun.stdout.indexOf('Try it:')).trimEnd();
    const { url, dashboard_url: dashboard } = stateOf(dir);
    const victim = /npm run lab -- stop (app\d+)/.exec(printed)?.[1];
    expect(victim).toBeDefined();
    // the lab runs on free ports and ip-hash picks the replica: those three differ from the README's
    // and the jar is in this test's state directory (LAB_STATE_DIR), not the default .lab/
    const jar = join(dir, 'cart.jar');
    const normalised = printed.replaceAll(dashboard, README_DASHBOARD).replaceAll(url, README_URL).replace(`stop ${victim}`, 'stop app3').replaceAll(jar, '.lab/cart.jar');
    expect(normalised).toBe(readmeBlock());

    const lines = printed.split('\n').map((l) => l.trim());
    const curls = lines.filter((l) => l.startsWith('curl '));
    expect(curls).toHaveLength(3);
    const added = JSON.parse(await shell(curls[0])) as Cart;
    expect(added).toMatchObject({ served_by: victim, items: [{ sku: 'sku-coffee', qty: 2 }] });
    const read = JSON.parse(await shell(curls[1])) as Cart;
    expect(read).toMatchObject({ served_by: victim, items: [{ sku: 'sku-coffee', qty: 2 }] });
    const stop = await run(['stop', victim!]);
    expect(stop.code).toBe(0);
    const after = JSON.parse(await shell(curls[2])) as Cart;
    expect(after.served_by).not.toBe(victim);
    expect(after.items).toEqual([]);
    // docs/cli.md prints this answer: the same fields, the lost session named
    const documented = /^(\{"served_by":"app\d","items":\[\].*\})$/m.exec(readFileSync(join(ROOT, 'docs/cli.md'), 'utf8'))?.[1];
    expect(Object.keys(JSON.parse(documented ?? '{}'))).toEqual(Object.keys(after));
    expect(after).toMatchObject({ session: 'expired-or-lost' });

    // status names what its columns mean, and tells a marked-down replica from a draining one
    const [other, third] = ['app1', 'app2', 'app3'].filter((n) => n !== victim);
    expect((await run(['mark-down', other])).code).toBe(0);
    expect((await run(['drain', third])).code).toBe(0);
    const status = await run(['status']);
    expect(status.stdout).toMatch(/^ {2}NAME +PROCESS +BALANCER +PID +PORT +SESSIONS +REQUESTS +DIRECT URL$/m);
    expect(status.stdout).toMatch(new RegExp(`^  ${victim} +stopped +in rotation +- +\\d+ +\\? +\\? `, 'm'));
    expect(status.stdout).toMatch(new RegExp(`^  ${other} +running +marked down +\\d+ +\\d+ +\\d+ +\\d+ `, 'm'));
    expect(status.stdout).toMatch(new RegExp(`^  ${third} +running +draining +\\d+ +\\d+ +\\d+ +\\d+ `, 'm'));
    expect(status.stdout).toMatch(/nginx +1\.\d+\.\d+, running/);
    expect(status.stdout).toMatch(/SESSIONS: held in that replica.s memory, lost with its process; \?: the replica did not answer/);

    // the detached supervisor's log: stamped lines, and no Ctrl-C advice
    const log = readFileSync(join(dir, 'supervisor.log'), 'utf8').trimEnd().split('\n');
    expect(log.filter((l) => !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /.test(l))).toEqual([]);
    expect(log.join('\n')).not.toMatch(/Ctrl-C/);
    expect(log.join('\n')).toMatch(/`npm run lab -- down` tears it all down/);
  });

  it('logs -f prints new lines as they come and stops on SIGTERM', async () => {
    const follower = spawnLab(dir, ['logs', 'nginx-access', '-f', '--tail', '1']);
    try {
      const marker = `follow-${process.pid}-${Date.now()}`;
      const { url } = stateOf(dir);
      await waitFor('logs -f to print its first tail', () => follower.output().stdout.length > 0, { timeoutMs: 30_000 });
      await fetch(`${url}/?${marker}`);
      await waitFor('the request to show in logs -f', () => follower.output().stdout.includes(marker), { timeoutMs: 30_000, intervalMs: 100 });
      follower.child.kill('SIGTERM');
      const done = await follower.exited;
      expect(done.code).toBe(0);
      expect(done.stderr).toMatch(/lab logs: stopped \(SIGTERM\)/);
    } finally {
      follower.child.kill('SIGKILL');
    }
  });

  it('logs -f whose reader goes away (| head) exits quietly on the next line', async () => {
    const follower = spawnLab(dir, ['logs', 'nginx-access', '-f', '--tail', '1']);
    try {
      const { url } = stateOf(dir);
      await waitFor('logs -f to print its first tail', () => follower.output().stdout.length > 0, { timeoutMs: 30_000 });
      follower.child.stdout!.destroy();
      await fetch(`${url}/?closed-pipe-${Date.now()}`);
      await waitFor('logs -f to exit', () => follower.child.exitCode !== null || follower.child.signalCode !== null, { timeoutMs: 30_000 });
      const done = await follower.exited;
      expect(done.code).toBe(0);
      expect(done.stderr).not.toMatch(/EPIPE|\n\s+at /);
    } finally {
      follower.child.kill('SIGKILL');
    }
  });

  it('after a SIGKILLed supervisor, up on the same ports cleans up its orphans and starts', async () => {
    const follower = spawnLab(dir, ['logs', 'app1', '-f', '--tail', '1']);
    try {
      await waitFor('logs -f to start', () => follower.output().stdout.length > 0, { timeoutMs: 30_000 });
      const old = stateOf(dir);
      const orphans: number[] = old.child_pids;
      expect(orphans.length).toBeGreaterThanOrEqual(4); // replicas still running + nginx master and workers
      process.kill(old.pid, 'SIGKILL');
      await waitFor('the supervisor to die', () => pidGone(old.pid));
      expect(orphans.filter((pid) => !pidGone(pid)).length).toBeGreaterThan(0);

      // logs -f sees the lab go and ends by itself
      const followed = await follower.exited;
      expect(followed.code).toBe(0);
      expect(followed.stderr).toMatch(/lab logs: the lab went down/);

      const port = new URL(old.url).port;
      const dashboardPort = new URL(old.control_url).port;
      const again = await run(['up', '--detach', '--port', port, '--dashboard-port', dashboardPort]);
      expect([again.code, again.code === 0 ? '' : dump()]).toEqual([0, '']);
      expect(orphans.filter((pid) => !pidGone(pid))).toEqual([]);
      const fresh = stateOf(dir);
      expect(fresh.url).toBe(old.url);
      expect(fresh.pid).not.toBe(old.pid);
      const down = await run(['down']);
      expect(down.code).toBe(0);
      expect(pidGone(fresh.pid)).toBe(true);
      expect((fresh.child_pids as number[]).filter((pid) => !pidGone(pid))).toEqual([]);
    } finally {
      follower.child.kill('SIGKILL');
    }
  });
});
