import { spawn } from 'node:child_process';
import { ListenAddress, MasterProcess } from './master-process';
import { pidGone } from './proc';
import { waitFor } from './wait';

// A node master with one node worker in its own group, as nginx and HAProxy
// run: what the shared part says of it, with real processes and real signals.
const MASTER = `require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
setInterval(() => {}, 1000);`;

class IdleMaster extends MasterProcess {
  readonly listen: ListenAddress;

  constructor(host = '127.0.0.1', private readonly log = '') {
    super('idle master');
    this.listen = { host, port: 8080 };
  }

  start(): this {
    this.child = spawn(process.execPath, ['-e', MASTER], { detached: true, stdio: 'ignore' });
    return this;
  }

  errorLog(): string {
    return this.log;
  }

  async stop(): Promise<void> {
    await this.kill();
  }
}

const started: IdleMaster[] = [];
afterAll(() => Promise.all(started.map((m) => m.kill())));
const startIdle = () => {
  const m = new IdleMaster().start();
  started.push(m);
  return m;
};

it('reaches a wildcard listen on loopback and brackets IPv6', () => {
  expect(new IdleMaster('0.0.0.0').url).toBe('http://127.0.0.1:8080');
  expect(new IdleMaster('127.88.0.1').url).toBe('http://127.88.0.1:8080');
  expect(new IdleMaster('::1').url).toBe('http://[::1]:8080');
});

it("quotes the error log's last four lines", () => {
  expect(new IdleMaster('127.0.0.1', 'a\nb\nc\nd\ne\n').lastErrors()).toBe('b | c | d | e');
});

it('is neither running nor dead before it spawns', () => {
  const m = new IdleMaster();
  expect([m.pid, m.running, m.dead, m.workerPids()]).toEqual([undefined, false, false, []]);
});

it('is dead when the master is killed from outside, and kill() still ends the worker it left', async () => {
  const m = startIdle();
  const [worker] = await waitFor('the worker to start', () => m.workerPids().length === 1 && m.workerPids());
  expect([m.running, m.dead]).toEqual([true, false]);
  process.kill(m.pid!, 'SIGKILL');
  await waitFor('the master to be seen dead', () => m.dead);
  expect(m.running).toBe(false);
  await m.kill();
  await waitFor('the orphaned worker to end', () => pidGone(worker));
  expect(m.dead).toBe(false);
});

it('is not dead when the lab ends it', async () => {
  const m = startIdle();
  await waitFor('the worker to start', () => m.workerPids().length === 1);
  await m.kill();
  expect([m.running, m.dead]).toEqual([false, false]);
});
