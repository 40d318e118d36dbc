import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { makeOwnedRunDir, removeRunDir, sweepStaleRunDirs } from './run-dir';

it('sweeps run dirs of dead labs only, and removes its own on request', async () => {
  // A pid that certainly existed and is certainly gone now.
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
  const stale = mkdtempSync(join(tmpdir(), 'sticky-lab-'));
  writeFileSync(join(stale, 'process-driver.owner'), dead);
  const ownerless = mkdtempSync(join(tmpdir(), 'sticky-lab-'));
  mkdirSync(join(ownerless, 'logs'));
  const swept = await sweepStaleRunDirs();
  const mine = await makeOwnedRunDir();
  try {
    expect(swept).toContain(stale);
    expect(await sweepStaleRunDirs()).not.toContain(mine); // alive: this process
    expect([existsSync(stale), existsSync(ownerless), existsSync(mine)]).toEqual([false, true, true]);
  } finally {
    await removeRunDir(ownerless);
    await removeRunDir(mine);
  }
  expect(existsSync(mine)).toBe(false);
});
