// No orphans: `lab up`, `lab report` and the bench each SIGKILLed mid-run
// (no exit hook runs) leave their replicas and balancer alive with parent 1,
// and their run dir (the logs) in place; the next lab command of any kind
// ends exactly those processes. Only processes this test started (the
// descendants of the command it spawned, by pid and start time) are counted
// or killed.
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { descendants, killAll, sameProcess, startTicks } from '../../apps/lab/src/cli/pids';
import { cmdline, pidGone } from '../../apps/lab/src/util/proc';
import { waitFor } from '../../apps/lab/src/util/wait';
import { ensureBuilt, lab, MAIN, ROOT } from '../support/lab-cli';
import { describeTopology } from '../support/topology';

jest.setTimeout(180_000);

const BENCH = join(ROOT, 'dist/apps/lab/bench/main.js');
const REPLICA = /cart-api\/main\.js/;

interface Victim {
  child: ChildProcess;
  starts: Record<string, number>;
}

let scratch: string;
let victim: Victim | undefined;
beforeAll(() => ensureBuilt());
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'lab-orphans-'));
});
afterEach(() => {
  // Whatever the assertions left alive, and only that: the recorded processes, by pid and start time.
  if (victim) killAll(Object.keys(victim.starts).map(Number), victim.starts);
  victim = undefined;
  rmSync(scratch, { recursive: true, force: true });
});

/** Starts `script args` and waits until its descendants include `replicas` cart-api processes (and `balancer` when given). */
async function startMidRun(script: string, args: string[], replicas: number, balancer?: RegExp): Promise<{ pid: number; pids: number[] }> {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    // Its own process group, as a terminal gives a foreground job: Ctrl-C is SIGINT to the group.
    detached: true,
    env: { ...process.env, LAB_STATE_DIR: join(scratch, 'state'), NO_COLOR: '1' },
    stdio: 'ignore',
  });
  victim = { child, starts: {} };
  const pid = child.pid!;
  const pids = await waitFor(
    `${replicas} replica(s) under ${args[0]}`,
    () => {
      const all = descendants(pid);
      victim!.starts = { ...victim!.starts, ...startTicks(all) };
      const lines = all.map((p) => cmdline(p) ?? '');
      const ready = lines.filter((l) => REPLICA.test(l)).length >= replicas && (!balancer || lines.some((l) => balancer.test(l)));
      return ready ? all : null;
    },
    { timeoutMs: 120_000, intervalMs: 100 },
  );
  return { pid, pids };
}

/** kill -9 of the lab process alone; its children are left as they are. */
async function killParent(pid: number): Promise<number[]> {
  process.kill(pid, 'SIGKILL');
  await waitFor('the killed lab to be gone', () => victim!.child.exitCode !== null || victim!.child.signalCode !== null, { timeoutMs: 10_000 });
  return Object.keys(victim!.starts).map(Number).filter((p) => p !== pid && sameProcess(p, victim!.starts));
}

/** Process-driver run dirs whose owner file names `owner`. */
function ownedRunDirs(owner: number): string[] {
  const owned = (d: string) => existsSync(join(d, 'process-driver.owner')) && readFileSync(join(d, 'process-driver.owner'), 'utf8').trim() === String(owner);
  return readdirSync(tmpdir())
    .filter((n) => n.startsWith('sticky-lab-'))
    .map((n) => join(tmpdir(), n))
    .filter(owned);
}

/** The next lab command (any: `status`) ends every survivor, and they are the processes counted before. */
async function nextCommandEndsThem(survivors: number[]): Promise<void> {
  await lab(join(scratch, 'other-state'), ['status']);
  const left = survivors.filter((p) => sameProcess(p, victim!.starts));
  expect(left.map((p) => [p, cmdline(p)?.split('\0').join(' ')])).toEqual([]);
}

describeTopology('no orphans after kill -9 of a lab process', 'memory', () => {
  it.each([
    ['lab up', () => [MAIN, 'up', '--replicas', '2', '--port', '0', '--dashboard-port', '0']],
    ['lab report', () => [MAIN, 'report', '--only', 'steady-state', '--out', join(scratch, 'report')]],
  ] as const)('%s: replicas and nginx survive the SIGKILL with their logs, and the next command ends them', async (_name, argv) => {
    const [script, ...args] = argv();
    const { pid, pids } = await startMidRun(script, args, 2, /^nginx: master/);
    const survivors = await killParent(pid);
    // The replicas, the nginx master and its worker(s): every one outlived its parent.
    expect(survivors.length).toBe(pids.length);
    expect(survivors.filter((p) => REPLICA.test(cmdline(p) ?? '')).length).toBeGreaterThanOrEqual(2);
    const dirs = ownedRunDirs(pid);
    expect(dirs.length).toBe(1);
    expect(readdirSync(dirs[0]).length).toBeGreaterThan(1); // config and logs still there
    await nextCommandEndsThem(survivors);
    expect(existsSync(dirs[0])).toBe(false);
  });

  it('bench: its cart-api server survives the SIGKILL, and the next lab command ends it', async () => {
    const { pid } = await startMidRun(BENCH, ['--quick', '--only', 'memory', '--no-pin', '--out', join(scratch, 'bench')], 1);
    const survivors = await killParent(pid);
    expect(survivors.filter((p) => REPLICA.test(cmdline(p) ?? '')).length).toBeGreaterThanOrEqual(1);
    await nextCommandEndsThem(survivors);
    expect(survivors.every(pidGone)).toBe(true);
  });

  it('bench: Ctrl-C (SIGINT to its process group) mid-run ends every server it started, with no lab command after', async () => {
    const { pid, pids } = await startMidRun(BENCH, ['--quick', '--only', 'memory', '--no-pin', '--out', join(scratch, 'bench')], 1);
    process.kill(-pid, 'SIGINT');
    await waitFor('the bench to exit', () => victim!.child.exitCode !== null || victim!.child.signalCode !== null, { timeoutMs: 30_000 });
    const all = Object.keys(victim!.starts).map(Number);
    expect(all.length).toBeGreaterThanOrEqual(pids.length);
    await waitFor('every process the bench started to be gone', () => all.every((p) => !sameProcess(p, victim!.starts)), { timeoutMs: 10_000 });
  });
});
