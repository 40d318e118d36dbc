// What each of the lab's former three queues promised, now kept by one.
import { SerialQueue } from './serial-queue';

const tick = (ms = 2) => new Promise((r) => setTimeout(r, ms));

describe('SerialQueue', () => {
  it('runs tasks one at a time, in call order, whatever each one takes', async () => {
    const q = new SerialQueue();
    const log: string[] = [];
    let active = 0;
    let most = 0;
    const task = (name: string, ms: number) => q.run(async () => {
      most = Math.max(most, ++active);
      log.push(`${name}:begin`);
      await tick(ms);
      log.push(`${name}:end`);
      active -= 1;
      return name;
    });
    expect(await Promise.all([task('a', 15), task('b', 1), task('c', 5)])).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    expect(log).toEqual(['a:begin', 'a:end', 'b:begin', 'b:end', 'c:begin', 'c:end']);
  });

  it('a task that fails, or throws before it awaits, rejects its own caller only; the next one runs', async () => {
    const q = new SerialQueue();
    const failed = q.run(async () => {
      await tick();
      throw new Error('boom');
    });
    const thrown = q.run(() => {
      throw new Error('sync');
    });
    const next = q.run(async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(thrown).rejects.toThrow('sync');
    await expect(next).resolves.toBe('ran');
  });

  it('counts queued and running tasks, and gets back to zero after failures', async () => {
    const q = new SerialQueue();
    let release: (() => void) | undefined;
    const held = q.run(() => new Promise<void>((r) => (release = r)));
    const failing = q.run(async () => Promise.reject(new Error('no')));
    expect(q.pending).toBe(2);
    while (!release) await tick(1);
    release();
    await held;
    await failing.catch(() => undefined);
    expect(q.pending).toBe(0);
  });

  it('a task queued behind the current one sees what that one left (the quiesce barrier)', async () => {
    const q = new SerialQueue();
    let state = 'before';
    void q.run(async () => {
      await tick(10);
      state = 'after';
    });
    expect(await q.run(async () => state)).toBe('after');
  });
});
