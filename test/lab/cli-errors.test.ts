// The CLI's refusals and messages, none of which needs a running topology:
// usage errors exit 2, "no lab" and "already running" are one clear line,
// a supervisor that dies during `up --detach` shows its log.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../../apps/lab/src/util/wait';
import { noteSkip } from '../support/skip';
import { ensureBuilt, lab as runLab, MAIN, ROOT, Run } from '../support/lab-cli';

jest.setTimeout(120_000);

function lab(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return runLab(dir, args, 60_000, env);
}

beforeAll(ensureBuilt);

const NO_LAB = 'no lab is running — start one with `npm run lab -- up`';

describe('lab CLI without a running lab', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lab-cli-err-'));
  });
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('lists the commands on help, and exits 2 with the usage on an unknown command', async () => {
    const help = await lab(dir, ['help']);
    expect(help.code).toBe(0);
    for (const name of ['up', 'status', 'stop', 'kill', 'pause', 'resume', 'start', 'mark-down', 'mark-up', 'drain', 'undrain', 'scale', 'redis', 'balancer', 'probe', 'logs', 'down', 'help']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name}\\s`, 'm'));
    }
    const unknown = await lab(dir, ['explode']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^lab: unknown command "explode"/);
    expect(unknown.stderr).toMatch(/Usage: npm run lab -- <command>/);
    const typo = await lab(dir, ['stauts']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^lab: unknown command "stauts" \(did you mean status\?\)/);
  });

  it('names the options a command takes and the nearest one for a mistyped option', async () => {
    const run = await lab(dir, ['up', '--replica', '4']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^lab up: unknown option --replica \(did you mean --replicas\?\); it takes --balancer, --strategy, --store, --redis-persistence, --redis-ha, --sentinel-down-after, --sentinel-failover-timeout, --sentinel-quorum, --min-replicas-to-write, --replicas, --session-ttl, --session-max, --port, --dashboard-port, --detach, --json\n/);
    expect(run.stderr).not.toMatch(/To specify a positional|-- "/);
    const missing = await lab(dir, ['up', '--port']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^lab up: --port needs a value\n/);
    const flagValue = await lab(dir, ['up', '--detach=yes']);
    expect(flagValue.stderr).toMatch(/^lab up: --detach takes no value\n/);
    const unrelated = await lab(dir, ['logs', '--verbose']);
    expect(unrelated.stderr).toMatch(/^lab logs: unknown option --verbose; it takes --tail, --follow, --json\n/);
  });

  it('answers every error under --json with a JSON object on stdout and a non-zero exit', async () => {
    for (const [args, code] of [
      [['status', '--json'], 1],
      [['up', '--replica', '3', '--json'], 2],
      [['kill', '--json'], 2],
      [['explode', '--json'], 2],
      [['logs', '-f', '--json'], 2],
    ] as const) {
      const run = await lab(dir, [...args]);
      expect([args, run.code]).toEqual([args, code]);
      expect(JSON.parse(run.stdout)).toEqual({ ok: false, error: expect.stringMatching(/^lab/), exit_code: code });
    }
  });

  it('down with nothing running exits 0 and says there was nothing to stop', async () => {
    const run = await lab(dir, ['down']);
    expect(run).toMatchObject({ code: 0, stdout: 'nothing to stop: no lab is running here\n', stderr: '' });
    const json = await lab(dir, ['down', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, stopped: false, message: 'nothing to stop: no lab is running here' });
  });

  it('exits 2 with the command usage on bad options or arguments', async () => {
    const badStrategy = await lab(dir, ['up', '--strategy', 'random']);
    expect(badStrategy.code).toBe(2);
    expect(badStrategy.stderr).toMatch(/--strategy must be one of round-robin, ip-hash, consistent-hash, sticky-cookie, url-hash; with --balancer haproxy also stick-table, bounded-load \(got "random"\)\n/);
    expect(badStrategy.stderr).toMatch(/Usage: npm run lab -- up /);
    const badBalancer = await lab(dir, ['up', '--balancer', 'traefik']);
    expect(badBalancer.code).toBe(2);
    expect(badBalancer.stderr).toMatch(/^lab up: --balancer must be one of nginx, haproxy/);
    const nginxOnly = await lab(dir, ['up', '--strategy', 'stick-table']);
    expect(nginxOnly.code).toBe(2);
    expect(nginxOnly.stderr).toMatch(/^lab up: nginx cannot run strategy "stick-table" \(stick-table runs on haproxy: add --balancer haproxy\)/);
    const nginxBounded = await lab(dir, ['up', '--balancer', 'nginx', '--strategy', 'bounded-load']);
    expect(nginxBounded.code).toBe(2);
    const badAction = await lab(dir, ['balancer', 'explode']);
    expect(badAction.code).toBe(2);
    expect(badAction.stderr).toMatch(/the balancer action must be one of restart, reload/);
    expect((await lab(dir, ['balancer'])).code).toBe(2);
    expect((await lab(dir, ['up', '--replicas', '0'])).code).toBe(2);
    const ttl = await lab(dir, ['up', '--session-ttl', '0']);
    expect([ttl.code, ttl.stderr]).toEqual([2, expect.stringMatching(/^lab up: --session-ttl must be an integer from 1 to 2592000 \(got "0"\)/)]);
    const cap = await lab(dir, ['up', '--session-max', 'lots']);
    expect([cap.code, cap.stderr]).toEqual([2, expect.stringMatching(/^lab up: --session-max must be an integer from 1 to 10000000 \(got "lots"\)/)]);
    const haMemory = await lab(dir, ['up', '--redis-ha', 'sentinel']);
    expect([haMemory.code, haMemory.stderr]).toEqual([2, expect.stringMatching(/^lab up: --redis-ha needs --store redis/)]);
    const orphan = await lab(dir, ['up', '--store', 'redis', '--sentinel-quorum', '2']);
    expect([orphan.code, orphan.stderr]).toEqual([2, expect.stringMatching(/need --redis-ha sentinel/)]);
    const quorum = await lab(dir, ['up', '--store', 'redis', '--redis-ha', 'sentinel', '--sentinel-quorum', '4']);
    expect([quorum.code, quorum.stderr]).toEqual([2, expect.stringMatching(/--sentinel-quorum must be an integer from 1 to 3/)]);
    expect((await lab(dir, ['up', '--bogus'])).code).toBe(2);
    const missing = await lab(dir, ['stop']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/stop <app>/);
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
  });

  it('says no lab is running, for status, a replica verb and logs -f', async () => {
    for (const args of [['status'], ['kill', 'app2'], ['logs', '-f'], ['balancer', 'restart']]) {
      const run = await lab(dir, args);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(`lab ${args[0]}: ${NO_LAB}`);
      expect(run.stdout).toBe('');
    }
  });

  it('cleans up a stale state file whose supervisor is gone', async () => {
    const dead = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((r) => dead.once('exit', () => r(dead.pid!)));
    writeState(dir, deadPid);
    const run = await lab(dir, ['status']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(`the lab with pid ${deadPid} is gone`);
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
  });

  it('down without a reachable control API signals the supervisor and kills the children it recorded', async () => {
    // a stand-in supervisor: exits on SIGTERM and leaves its child behind, as a crashed teardown would
    const script = `const c = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      process.on('SIGTERM', () => process.exit(0)); console.log(c.pid); setInterval(() => {}, 1000);`;
    const supervisor = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
    const childPid = Number(await new Promise<string>((r) => supervisor.stdout.once('data', (d) => r(String(d)))));
    const exited = new Promise((r) => supervisor.once('exit', r));
    try {
      writeState(dir, supervisor.pid!, [childPid]); // control_url points at a closed port
      const run = await lab(dir, ['down', '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, pid: supervisor.pid, via: 'signal', forced: [childPid] });
      await exited;
      // SIGKILLed; an orphan, so init reaps it shortly after
      await waitFor(`pid ${childPid} to be gone`, () => {
        try {
          process.kill(childPid, 0);
          return false;
        } catch {
          return true;
        }
      });
      expect(existsSync(join(dir, 'state.json'))).toBe(false);
    } finally {
      for (const pid of [supervisor.pid!, childPid]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone, as it should be
        }
      }
    }
  });

  it('refuses to start a second lab while a live one owns the state file', async () => {
    writeState(dir, process.pid); // this jest worker stands in for a live supervisor
    // its port is taken too (as a live lab's is): the live lab is what must be reported, not the port
    const taken = await listen();
    try {
      const port = (taken.address() as { port: number }).port;
      const run = await lab(dir, ['up', '--detach', '--port', String(port), '--dashboard-port', '0']);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(
        `lab up: a lab is already running here (pid ${process.pid}, http://127.0.0.1:1) — see it with \`npm run lab -- status\`, stop it with \`npm run lab -- down\``,
      );
      expect(existsSync(join(dir, 'state.json'))).toBe(true);
    } finally {
      taken.close();
    }
  });

  it('up --detach reports a supervisor that dies during start, with its log', async () => {
    // an unknown driver passes every check up makes itself and fails in the supervisor's boot
    const run = await lab(dir, ['up', '--detach', '--port', '0', '--dashboard-port', '0'], { LAB_DRIVER: 'bogus' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/the lab supervisor \(pid \d+\) exited during start/);
    expect(run.stderr).toMatch(/\d{4}-\d\d-\d\dT\S+Z lab up: unknown LAB_DRIVER "bogus"/);
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
  });

  it('refuses --port equal to --dashboard-port (usage) and a taken dashboard port, before booting anything', async () => {
    // refused before anything binds, so the port number needs not be free
    const same = await lab(dir, ['up', '--port', '18123', '--dashboard-port', '18123']);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/^lab up: --port and --dashboard-port are both 18123: the balancer and the dashboard need a port each\n/);
    const taken = await listen();
    try {
      const port = (taken.address() as { port: number }).port;
      const run = await lab(dir, ['up', '--port', '0', '--dashboard-port', String(port)]);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(
        `lab up: port ${port} (control server and dashboard) is in use (another lab or server?) — pick another with --dashboard-port, or --dashboard-port 0 for a free one`,
      );
      expect(existsSync(join(dir, 'state.json'))).toBe(false);
    } finally {
      taken.close();
    }
  });

  it('npm run lab builds only when a source is newer than the last build, and says so', async () => {
    const launcher = join(ROOT, 'apps/lab/bin/lab.js');
    const stamp = join(ROOT, 'dist/.lab-build-stamp');
    const run = () =>
      new Promise<Run>((done) =>
        execFile(process.execPath, [launcher, 'down'], { env: { ...process.env, LAB_STATE_DIR: dir }, timeout: 240_000 }, (err, stdout, stderr) =>
          done({ code: err ? 1 : 0, stdout, stderr }),
        ),
      );
    writeFileSync(stamp, 'old\n');
    utimesSync(stamp, 0, 0); // as if every source changed since
    const stale = await run();
    expect(stale.code).toBe(0);
    expect(stale.stderr).toMatch(/^building… \(sources changed since the last build\)\n/);
    const fresh = await run();
    expect(fresh).toMatchObject({ code: 0, stderr: '', stdout: 'nothing to stop: no lab is running here\n' });
  });

  it('prints a driver failure as one line without a stack and leaves no state behind', async () => {
    if (dockerAnswers()) {
      noteSkip('"prints a driver failure as one line": a Docker engine answers here, so LAB_DRIVER=compose would really boot instead of failing');
      return;
    }
    const run = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const env = { ...process.env, LAB_STATE_DIR: dir, LAB_DRIVER: 'compose', NO_COLOR: '1' };
      execFile(process.execPath, [MAIN, 'up', '--port', '0', '--dashboard-port', '0'], { env, timeout: 60_000 }, (err, _out, stderr) =>
        done({ code: err ? ((err as { code?: number }).code ?? null) : 0, stderr }),
      );
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^lab up: .*compose/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
  });

  it('refuses a taken balancer port before booting anything', async () => {
    const taken = await listen();
    try {
      const port = (taken.address() as { port: number }).port;
      const run = await lab(dir, ['up', '--port', String(port), '--dashboard-port', '0']);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(
        `lab up: port ${port} (balancer) is in use (another lab or server?) — pick another with --port, or --port 0 for a free one`,
      );
    } finally {
      taken.close();
    }
  });
});

function writeState(dir: string, pid: number, childPids: number[] = []): void {
  const state = {
    pid,
    phase: 'running',
    control_url: 'http://127.0.0.1:1',
    url: 'http://127.0.0.1:1',
    dashboard_url: null,
    driver: 'process',
    strategy: 'ip-hash',
    store: 'memory',
    replicas: [],
    started_at: new Date().toISOString(),
    child_pids: childPids,
    log_file: null,
  };
  writeFileSync(join(dir, 'state.json'), JSON.stringify(state));
}

function dockerAnswers(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

function listen(): Promise<Server> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  });
}
