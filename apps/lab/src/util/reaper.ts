// Last-resort teardown: when the lab's Node process ends without `down()`
// having run (a crashed test, an uncaught error, a signal nobody handles),
// every child it started and their children (nginx workers) get SIGKILL,
// synchronously, and the run dirs are removed. Orderly teardown stays the
// job of Topology.down(); a CLI that handles signals itself takes precedence.
import { rmSync } from 'node:fs';
import { childPids } from './proc';

type PidSource = () => Array<number | undefined>;

interface Tracked {
  pids: PidSource;
  dir?: string;
}

const tracked = new Set<Tracked>();
const FATAL_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let installed = false;

/** Registers a live set of pids (read again at exit time) and an optional dir to remove; returns an unregister function. */
export function trackPids(pids: PidSource, dir?: string): () => void {
  install();
  const entry = { pids, dir };
  tracked.add(entry);
  return () => tracked.delete(entry);
}

/** Pids of `pid` and all its descendants (Linux /proc; just `pid` elsewhere). */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...childPids(out[i]));
  return out;
}

export function killTreeNow(pid: number): void {
  for (const p of processTree(pid)) {
    for (const sig of ['SIGCONT', 'SIGKILL'] as const) {
      try {
        process.kill(p, sig);
      } catch {
        // already gone
      }
    }
  }
}

export function reapAll(): void {
  for (const t of tracked) {
    for (const pid of t.pids()) if (pid) killTreeNow(pid);
    if (t.dir && !process.env.LAB_KEEP_RUN_DIR) rmSync(t.dir, { recursive: true, force: true });
  }
  tracked.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', reapAll);
  for (const sig of FATAL_SIGNALS) {
    const onSignal = () => {
      // Someone else (the CLI) handles this signal and will run down().
      if (process.listenerCount(sig) > 1) return;
      reapAll();
      process.removeListener(sig, onSignal);
      process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}
