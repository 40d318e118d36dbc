import type { LabStatus } from '../control';
import { ControlClient } from './control-client';
import { CliError, CliIo } from './output';
import { killAll, sameProcess } from './pids';
import { LabState, readState, removeState, stateDir } from './state';

export const NO_LAB = 'no lab is running — start one with `npm run lab -- up`';

export interface RunningLab {
  dir: string;
  state: LabState;
  control: ControlClient;
}

/**
 * The supervisor died without tearing down (SIGKILL, crash): its children may
 * still hold ports. Kill what it recorded and forget it.
 */
export function cleanStale(dir: string, state: LabState): number[] {
  const killed = killAll(state.child_pids ?? [], state.pid_starts);
  removeState(dir, state.pid);
  return killed;
}

export const labAlive = (state: LabState) => sameProcess(state.pid, state.pid_starts);

/** The live lab of this directory, or a one-line error saying there is none. */
export function findLab(io: CliIo): RunningLab {
  const dir = stateDir(io.env, io.cwd);
  const state = readState(dir);
  if (!state) throw new CliError(NO_LAB);
  if (!labAlive(state)) {
    cleanStale(dir, state);
    throw new CliError(`${NO_LAB} (the lab with pid ${state.pid} is gone; its leftovers were cleaned up)`);
  }
  return { dir, state, control: new ControlClient(state.control_url) };
}

export function fetchStatus(lab: RunningLab): Promise<LabStatus> {
  return lab.control.get<LabStatus>('/api/status', 15_000);
}
