// A private directory per topology for the nginx config, its logs and the
// replica logs; removed on teardown unless LAB_KEEP_RUN_DIR is set.
import { readdir, readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reapOrphans } from './orphans';
import { pidAlive } from './pid-alive';
import { pidGone } from './proc';
import { waitFor } from './wait';

const PREFIX = 'sticky-lab-';
/** Marks a run dir of the process driver and names the lab process that owns it. */
const OWNER = 'process-driver.owner';

export async function makeRunDir(prefix = PREFIX): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A run dir for the process driver, after sweeping those of dead labs. */
export async function makeOwnedRunDir(): Promise<string> {
  await sweepStaleRunDirs();
  const dir = await makeRunDir();
  await writeFile(join(dir, OWNER), `${process.pid}\n`);
  return dir;
}

/** Removes `dir` unless LAB_KEEP_RUN_DIR is set; returns whether it was kept. */
export async function removeRunDir(dir: string): Promise<boolean> {
  if (process.env.LAB_KEEP_RUN_DIR) return true;
  await rm(dir, { recursive: true, force: true });
  return false;
}

/**
 * Only a SIGKILLed lab cannot remove its own run dir: the next lab ends the
 * children it recorded (util/orphans.ts), then removes
 * process-driver run dirs whose owning process is gone (never a dir without
 * the owner file, e.g. the compose driver's, and nothing while
 * LAB_KEEP_RUN_DIR asks to keep them).
 */
export async function sweepStaleRunDirs(): Promise<string[]> {
  // The dead lab's children first: their logs go only once they have ended.
  const ended = reapOrphans();
  // SIGKILLed and SIGCONTed: only a process stuck in the kernel outlasts this, and it must not block every command.
  await waitFor(`the orphans of a dead lab (${ended.join(' ')}) to exit`, () => ended.every(pidGone), { timeoutMs: 10_000, intervalMs: 50 }).catch(() => undefined);
  if (process.env.LAB_KEEP_RUN_DIR) return [];
  const names = (await readdir(tmpdir()).catch(() => [] as string[])).filter((n) => n.startsWith(PREFIX));
  const removed: string[] = [];
  for (const name of names) {
    const dir = join(tmpdir(), name);
    const owner = Number((await readFile(join(dir, OWNER), 'utf8').catch(() => '')).trim());
    if (!Number.isInteger(owner) || owner <= 0 || pidAlive(owner)) continue;
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    removed.push(dir);
  }
  return removed;
}
