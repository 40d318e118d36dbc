// The run registry of child processes: every lab process (`lab up`, `lab
// report`, the bench) appends each replica, balancer, redis-server and bench
// server it starts to a file named after itself (pid and start time). A
// SIGKILLed lab runs no exit hook, so its children live on with parent 1;
// the next lab finds the file of an owner that is gone and ends exactly the
// processes recorded there that are still the same processes (pid and start
// time), never anything found by name. Orderly teardown stays with the owner.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processGroup, sameProcess, startTick } from './proc';
import { killTreeNow } from './reaper';

const REGISTRY = 'sticky-lab.children';
const FILE = /^(\d+)\.(\d+)\.pids$/;

let ownFile: string | undefined;

export function registryDir(): string {
  return join(tmpdir(), REGISTRY);
}

/** Records a child this process started (call right after spawn); a no-op without /proc. */
export function recordChild(pid: number | undefined): void {
  const tick = pid ? startTick(pid) : null;
  const own = startTick(process.pid);
  if (!pid || tick === null || own === null) return;
  try {
    if (!ownFile) {
      mkdirSync(registryDir(), { recursive: true });
      ownFile = join(registryDir(), `${process.pid}.${own}.pids`);
      process.once('exit', forgetOwnFile);
    }
    appendFileSync(ownFile, `${pid} ${tick}\n`);
  } catch {
    // A registry that cannot be written loses only the after-SIGKILL cleanup.
  }
}

/** At a normal exit the owner's own teardown (and the reaper) ended its children: nothing to find later. */
function forgetOwnFile(): void {
  if (!ownFile) return;
  if (recorded(ownFile).every(([pid, tick]) => !sameProcess(pid, { [pid]: tick }))) rmSync(ownFile, { force: true });
}

function recorded(file: string): Array<[number, number]> {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((l) => l.split(' ').map(Number) as [number, number])
    .filter(([pid, tick]) => Number.isInteger(pid) && pid > 0 && Number.isInteger(tick));
}

/**
 * Ends every recorded child of every registered lab process that is gone,
 * and forgets those files; returns the pids it signalled. A child that leads
 * its own process group (nginx, HAProxy) takes its workers along.
 */
export function reapOrphans(): number[] {
  let names: string[];
  try {
    names = readdirSync(registryDir());
  } catch {
    return [];
  }
  const killed: number[] = [];
  for (const name of names) {
    const owner = FILE.exec(name);
    if (!owner) continue;
    const [ownerPid, ownerTick] = [Number(owner[1]), Number(owner[2])];
    if (ownerPid === process.pid || sameProcess(ownerPid, { [ownerPid]: ownerTick })) continue;
    const file = join(registryDir(), name);
    if (!writtenByMe(file)) continue;
    for (const [pid, tick] of recorded(file)) {
      if (!sameProcess(pid, { [pid]: tick }) || startTick(pid) === null) continue;
      endOrphan(pid);
      killed.push(pid);
    }
    rmSync(file, { force: true });
  }
  return killed;
}

/** /tmp is shared: a list another user wrote must not make this user's lab kill anything. */
function writtenByMe(file: string): boolean {
  try {
    return process.getuid === undefined || statSync(file).uid === process.getuid();
  } catch {
    return false;
  }
}

function endOrphan(pid: number): void {
  if (processGroup(pid) !== pid) return killTreeNow(pid);
  for (const sig of ['SIGCONT', 'SIGKILL'] as const) {
    try {
      process.kill(-pid, sig);
    } catch {
      // already gone
    }
  }
}
