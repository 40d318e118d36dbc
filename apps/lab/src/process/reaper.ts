// Last-resort teardown: when the lab's Node process exits without `down()`
// having run (a crashed test, an uncaught error), every child it started
// and their children (nginx workers) get SIGKILL, synchronously, in the
// 'exit' handler. Orderly teardown stays the job of Topology.down().
import { readFileSync } from 'node:fs';

type PidSource = () => Array<number | undefined>;

const sources = new Set<PidSource>();
let installed = false;

/** Registers a live set of pids (read again at exit time); returns an unregister function. */
export function trackPids(source: PidSource): () => void {
  install();
  sources.add(source);
  return () => sources.delete(source);
}

/** Pids of `pid` and all its descendants (Linux /proc; just `pid` elsewhere). */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      const kids = readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, 'utf8').trim();
      if (kids) out.push(...kids.split(/\s+/).map(Number));
    } catch {
      // gone, or no /proc: the pid itself is still killed
    }
  }
  return out;
}

export function killTreeNow(pid: number): void {
  for (const p of processTree(pid).reverse()) {
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
  for (const source of sources) for (const pid of source()) if (pid) killTreeNow(pid);
  sources.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', reapAll);
}
