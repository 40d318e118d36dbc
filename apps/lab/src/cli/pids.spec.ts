import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { waitFor } from '../util/wait';
import { descendants, killAll, pidAlive, sameProcess, startTick, startTicks } from './pids';

// /proc bookkeeping that `down` relies on to kill what a dead supervisor left
// behind, and nothing else.
describe('pids', () => {
  it('finds a child, recognises it by start time and kills it', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const exited = new Promise((r) => child.once('exit', r));
    const pid = child.pid!;
    expect(descendants(process.pid)).toContain(pid);
    const starts = startTicks([pid]);
    expect(starts[pid]).toBe(startTick(pid));
    expect(sameProcess(pid, starts)).toBe(true);
    // a recorded start time that differs means the pid now names another process
    expect(sameProcess(pid, { [pid]: starts[pid] - 1 })).toBe(false);
    expect(killAll([pid], { [pid]: starts[pid] - 1 })).toEqual([]);
    expect(killAll([pid], starts)).toEqual([pid]);
    await exited;
    expect(child.signalCode).toBe('SIGKILL');
  });

  it('takes a zombie (exited, not reaped: a SIGKILLed supervisor whose parent is gone) for dead', async () => {
    // `sleep 30` inherits the exited `sleep 0` as a child and never waits for it
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30']);
    try {
      const zombie = Number(await new Promise<string>((r) => parent.stdout.once('data', (d) => r(String(d)))));
      await waitFor(`pid ${zombie} to be a zombie`, () => readFileSync(`/proc/${zombie}/stat`, 'utf8').split(') ')[1].startsWith('Z'));
      expect(pidAlive(zombie)).toBe(true);
      expect(sameProcess(zombie)).toBe(false);
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('never signals itself', () => {
    expect(killAll([process.pid])).toEqual([]);
  });
});
