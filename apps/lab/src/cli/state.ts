import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { DriverName, ReplicaInfo, StoreKind, Strategy } from '../topology/topology';
import { CliError } from './output';

/**
 * What the `up` process publishes so commands from other terminals can find
 * it. `child_pids` are the processes it started (replicas, nginx, redis):
 * `down` kills those itself when the supervisor cannot.
 */
export interface LabState {
  pid: number;
  phase: 'starting' | 'running';
  control_url: string;
  url: string | null;
  dashboard_url: string | null;
  driver: DriverName | null;
  strategy: Strategy;
  store: StoreKind;
  replicas: ReplicaInfo[];
  started_at: string;
  child_pids: number[];
  /** Start time (/proc clock ticks) of the supervisor and each child, so a reused pid is never taken for ours. */
  pid_starts?: Record<string, number>;
  log_file: string | null;
}

export function stateDir(env: NodeJS.ProcessEnv, cwd: string): string {
  const dir = env.LAB_STATE_DIR || join(cwd, '.lab');
  return isAbsolute(dir) ? dir : resolve(cwd, dir);
}

export const stateFile = (dir: string) => join(dir, 'state.json');
export const supervisorLog = (dir: string) => join(dir, 'supervisor.log');

export function readState(dir: string): LabState | null {
  let text: string;
  try {
    text = readFileSync(stateFile(dir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    return JSON.parse(text) as LabState;
  } catch {
    throw new CliError(`${stateFile(dir)} is not valid JSON; remove it if no lab is running`);
  }
}

/** Readers never see a half-written file: write aside, then rename over. */
export function writeState(dir: string, state: LabState): void {
  mkdirSync(dir, { recursive: true });
  const tmp = `${stateFile(dir)}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n');
  renameSync(tmp, stateFile(dir));
}

/**
 * Creates the state file only if none exists, so two `up`s racing in one
 * directory cannot both own it. False when another one is there.
 */
export function claimState(dir: string, state: LabState): boolean {
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(stateFile(dir), JSON.stringify(state, null, 2) + '\n', { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** Removes the state file; with `ownerPid`, only if that process still owns it. */
export function removeState(dir: string, ownerPid?: number): void {
  if (ownerPid !== undefined) {
    const current = safeRead(dir);
    if (current && current.pid !== ownerPid) return;
  }
  rmSync(stateFile(dir), { force: true });
}

function safeRead(dir: string): LabState | null {
  try {
    return readState(dir);
  } catch {
    return null;
  }
}
