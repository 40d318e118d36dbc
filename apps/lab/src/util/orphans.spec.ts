import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reapOrphans, registryDir } from './orphans';
import { pidGone, startTick } from './proc';
import { waitFor } from './wait';

// Only processes this test starts are ever recorded, so only they can be ended.
const started: ChildProcess[] = [];
const idle = (detached: boolean) => {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached, stdio: 'ignore' });
  started.push(child);
  return child.pid!;
};
afterAll(() => started.forEach((c) => c.kill('SIGKILL')));

const files: string[] = [];
function register(ownerPid: number, ownerTick: number, lines: Array<[number, number]>): string {
  mkdirSync(registryDir(), { recursive: true });
  const file = join(registryDir(), `${ownerPid}.${ownerTick}.pids`);
  writeFileSync(file, lines.map(([p, t]) => `${p} ${t}\n`).join(''));
  files.push(file);
  return file;
}
afterAll(() => files.forEach((f) => rmSync(f, { force: true })));

it('ends the recorded children of a dead owner (a group leader with its group), and nothing else', async () => {
  const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
  const [leader, plain, reused, mine] = [idle(true), idle(false), idle(false), idle(false)];
  const tick = (pid: number) => startTick(pid)!;
  const orphaned = register(dead, 1, [
    [leader, tick(leader)],
    [plain, tick(plain)],
    // The pid was reused by a newer process: a different start time, not ours to end.
    [reused, tick(reused) - 1],
  ]);
  // This test process is alive: its children are its own business.
  const live = register(process.pid, tick(process.pid), [[mine, tick(mine)]]);

  expect(reapOrphans().sort()).toEqual([leader, plain].sort());
  await waitFor('the orphans to exit', () => pidGone(leader) && pidGone(plain), { timeoutMs: 5_000 });
  expect([pidGone(reused), pidGone(mine)]).toEqual([false, false]);
  expect([existsSync(orphaned), existsSync(live)]).toEqual([false, true]);
  expect(reapOrphans()).toEqual([]);
});
