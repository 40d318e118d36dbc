// A private directory per topology for the nginx config, its logs and the
// replica logs; removed on teardown unless LAB_KEEP_RUN_DIR is set.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function makeRunDir(prefix = 'sticky-lab-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Removes `dir` unless LAB_KEEP_RUN_DIR is set; returns whether it was kept. */
export async function removeRunDir(dir: string): Promise<boolean> {
  if (process.env.LAB_KEEP_RUN_DIR) return true;
  await rm(dir, { recursive: true, force: true });
  return false;
}
