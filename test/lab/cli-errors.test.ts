// The CLI's refusals and messages, none of which needs a running topology:
// usage errors exit 2, "no lab" and "already running" are one clear line,
// a supervisor that dies during `up --detach` shows its log.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../../apps/lab/src/process/wait';
import { ensureBuilt, lab as runLab, MAIN, Run } from '../support/lab-cli';

jest.setTimeout(120_000);

function lab(dir: string, args: string[]): Promise<Run> {
  return runLab(dir, args, 60_000);
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
    for (const name of ['up', 'status', 'stop', 'kill', 'pause', 'resume', 'start', 'drain', 'scale', 'redis', 'probe', 'logs', 'down']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name}\\s`, 'm'));
    }
    const unknown = await lab(dir, ['explode']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^lab: unknown command "explode"/);
    expect(unknown.stderr).toMatch(/Usage: npm run lab -- <command>/);
  });

  it('exits 2 with the command usage on bad options or arguments', async () => {
    const badStrategy = await lab(dir, ['up', '--strategy', 'random']);
    expect(badStrategy.code).toBe(2);
    expect(badStrategy.stderr).toMatch(/--strategy must be one of round-robin, ip-hash, consistent-hash, sticky-cookie, url-hash/);
    expect(badStrategy.stderr).toMatch(/Usage: npm run lab -- up /);
    expect((await lab(dir, ['up', '--replicas', '0'])).code).toBe(2);
    expect((await lab(dir, ['up', '--bogus'])).code).toBe(2);
    const missing = await lab(dir, ['stop']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/stop <app>/);
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
  });

  it('says no lab is running, for status, a replica verb and down', async () => {
    for (const args of [['status'], ['kill', 'app2'], ['down'], ['probe', '--json']]) {
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
    const run = await lab(dir, ['up', '--detach', '--port', '0', '--dashboard-port', '0']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `lab up: a lab is already running here (pid ${process.pid}, http://127.0.0.1:1) — stop it with \`npm run lab -- down\``,
    );
    expect(existsSync(join(dir, 'state.json'))).toBe(true);
  });

  it('up --detach reports a supervisor that dies during start, with its log', async () => {
    const taken = await listen();
    try {
      const port = (taken.address() as { port: number }).port;
      const run = await lab(dir, ['up', '--detach', '--port', '0', '--dashboard-port', String(port)]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/the lab supervisor \(pid \d+\) exited during start/);
      expect(run.stderr).toMatch(`port ${port} (control server and dashboard) is in use`);
      expect(existsSync(join(dir, 'state.json'))).toBe(false);
    } finally {
      taken.close();
    }
  });

  it('prints a driver failure as one line without a stack and leaves no state behind', async () => {
    if (dockerAnswers()) {
      console.log('skipped: a Docker engine answers here, so LAB_DRIVER=compose would really boot instead of failing');
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

  it('refuses a taken nginx port before booting anything', async () => {
    const taken = await listen();
    try {
      const port = (taken.address() as { port: number }).port;
      const run = await lab(dir, ['up', '--port', String(port), '--dashboard-port', '0']);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(
        `lab up: port ${port} is in use (another lab or server?) — pick another with --port, or --port 0 for a free one`,
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
