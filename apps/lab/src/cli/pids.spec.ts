import { spawn } from 'node:child_process';
import { descendants, killAll, sameProcess, startTick, startTicks } from './pids';

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

  it('never signals itself', () => {
    expect(killAll([process.pid])).toEqual([]);
  });
});
