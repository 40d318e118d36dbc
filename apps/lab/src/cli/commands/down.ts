import { waitFor } from '../../util/wait';
import { parseCommand } from '../args';
import type { Command } from '../command';
import { ControlClient } from '../control-client';
import { cleanStale, labAlive } from '../lab';
import { CliIo, printJson } from '../output';
import { descendants, killAll, pidGone, startTicks } from '../pids';
import { LabState, readState, removeState, stateDir } from '../state';

// Teardown stops every replica gracefully; bounded so a wedged supervisor
// cannot make `down` hang: past this, everything gets SIGKILL. One whose
// control API does not even answer gets less patience.
const NOTHING = 'nothing to stop: no lab is running here';

const TEARDOWN_TIMEOUT_MS = { api: 90_000, signal: 15_000 };

async function askToStop(state: LabState): Promise<'api' | 'signal'> {
  try {
    await new ControlClient(state.control_url).post('/api/down', undefined, 10_000);
    return 'api';
  } catch {
    // unreachable or still starting: the supervisor handles SIGTERM the same way
    if (labAlive(state)) process.kill(state.pid, 'SIGTERM');
    return 'signal';
  }
}

async function waitGone(pid: number, timeoutMs: number): Promise<boolean> {
  try {
    await waitFor(`lab supervisor pid ${pid} to exit`, () => pidGone(pid), { timeoutMs, intervalMs: 100 });
    return true;
  } catch {
    return false;
  }
}

export const down: Command = {
  name: 'down',
  summary: 'tear the running lab down and wait until every process is gone',
  usage: 'down [--json]',
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommand(argv, {}, { min: 0, max: 0 });
    const dir = stateDir(io.env, io.cwd);
    const state = readState(dir);
    // idempotent, like `docker compose down`: `trap 'npm run lab -- down' EXIT` must not fail once the lab is gone
    if (!state) {
      if (values.json) printJson(io, { ok: true, stopped: false, message: NOTHING });
      else io.out(NOTHING);
      return 0;
    }
    let result: { pid: number; via: string; forced: number[] };
    if (!labAlive(state)) {
      result = { pid: state.pid, via: 'already gone', forced: cleanStale(dir, state) };
    } else {
      // the supervisor knows its children best while it lives
      const live = descendants(state.pid);
      const starts = { ...state.pid_starts, ...startTicks(live) };
      const known = [...state.child_pids, ...live];
      const via = await askToStop(state);
      const exited = await waitGone(state.pid, TEARDOWN_TIMEOUT_MS[via]);
      const latest = readState(dir);
      if (latest?.pid === state.pid) {
        known.push(...latest.child_pids);
        Object.assign(starts, latest.pid_starts);
      }
      const forced = killAll([...(exited ? [] : [state.pid]), ...known], starts);
      result = { pid: state.pid, via: exited ? via : 'SIGKILL after timeout', forced };
    }
    removeState(dir);
    if (values.json) printJson(io, { ok: true, stopped: true, ...result });
    else io.out(describe(result));
    return 0;
  },
};

function describe({ pid, via, forced }: { pid: number; via: string; forced: number[] }): string {
  const head =
    via === 'already gone'
      ? `the lab (pid ${pid}) was already gone`
      : via === 'SIGKILL after timeout'
        ? `lab down: the supervisor (pid ${pid}) did not exit in time`
        : `lab down (supervisor pid ${pid} exited)`;
  return forced.length ? `${head}; killed ${forced.length} leftover process(es): ${forced.join(' ')}` : head;
}
