import { spawn } from 'node:child_process';
import { mkdirSync, openSync, closeSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabStatus } from '../control';
import { waitFor } from '../util/wait';
import { ControlClient } from './control-client';
import { CliError, CliIo } from './output';
import { pidGone } from './pids';
import { readState, stateDir, supervisorLog } from './state';
import { ensureNoLiveLab, LOG_ENV, UpOptions } from './supervisor';

// Booting N replicas + nginx (+ redis) on a loaded 2-core machine can take a
// while; a supervisor that is not ready by then is reported, not waited on.
const READY_TIMEOUT_MS = 180_000;

function supervisorArgs(opts: UpOptions): string[] {
  return [
    'up',
    ...['--balancer', opts.balancer, '--strategy', opts.strategy, '--store', opts.store, '--replicas', String(opts.replicas)],
    ...['--session-ttl', String(opts.sessionTtlSeconds), '--session-max', String(opts.sessionMax)],
    ...(opts.store === 'redis' ? ['--redis-persistence', opts.redisPersistence] : []),
    ...(opts.redisHa === 'sentinel' ? ['--redis-ha', 'sentinel', ...sentinelArgs(opts.sentinel)] : []),
    ...['--port', String(opts.port), '--dashboard-port', String(opts.dashboardPort)],
  ];
}

function sentinelArgs(s: UpOptions['sentinel']): string[] {
  const out: string[] = [];
  if (s.downAfterMs !== undefined) out.push('--sentinel-down-after', String(s.downAfterMs));
  if (s.failoverTimeoutMs !== undefined) out.push('--sentinel-failover-timeout', String(s.failoverTimeoutMs));
  if (s.quorum !== undefined) out.push('--sentinel-quorum', String(s.quorum));
  if (s.minReplicasToWrite !== undefined) out.push('--min-replicas-to-write', String(s.minReplicasToWrite));
  return out;
}

export function logTail(path: string, lines = 30): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * `up --detach`: the same CLI, without --detach, as a session leader whose
 * output goes to a log file; returns its status once its control server
 * answers with the topology attached.
 */
export async function detach(opts: UpOptions, io: CliIo): Promise<LabStatus & { log_file: string }> {
  const dir = stateDir(io.env, io.cwd);
  await ensureNoLiveLab(dir);
  mkdirSync(dir, { recursive: true });
  const log = supervisorLog(dir);
  const fd = openSync(log, 'w');
  // the built CLI itself, not a launcher that may have required it
  const entry = join(__dirname, '..', 'main.js');
  const child = spawn(process.execPath, [entry, ...supervisorArgs(opts)], {
    detached: true,
    stdio: ['ignore', fd, fd],
    cwd: io.cwd,
    env: { ...io.env, LAB_STATE_DIR: dir, [LOG_ENV]: log, NO_COLOR: '1' },
  });
  closeSync(fd);
  child.unref();
  const pid = child.pid;
  if (!pid) throw new CliError(`could not start the lab supervisor; log: ${log}`);
  // Ctrl-C while waiting means "never mind": the supervisor is in its own
  // session and would otherwise finish booting in the background
  const abort = () => {
    process.kill(pid, 'SIGTERM');
    io.err(`lab up: interrupted; the supervisor (pid ${pid}) is tearing down, see ${log}`);
    process.exit(130);
  };
  process.once('SIGINT', abort);
  try {
    return { ...(await waitReady(dir, pid, log)), log_file: log };
  } finally {
    process.off('SIGINT', abort);
  }
}

async function waitReady(dir: string, pid: number, log: string): Promise<LabStatus> {
  const dead = () => new CliError(`the lab supervisor (pid ${pid}) exited during start; its log (${log}):\n${logTail(log)}`);
  let outcome: LabStatus | 'dead';
  try {
    outcome = await waitFor(
      'the lab supervisor to be ready',
      async () => {
        if (pidGone(pid)) return 'dead' as const;
        const state = readState(dir);
        if (state?.pid !== pid || state.phase !== 'running') return null;
        return new ControlClient(state.control_url).get<LabStatus>('/api/status', 5_000);
      },
      { timeoutMs: READY_TIMEOUT_MS, intervalMs: 200 },
    );
  } catch (err) {
    if (pidGone(pid)) throw dead();
    process.kill(pid, 'SIGTERM');
    throw new CliError(`${(err as Error).message}; the supervisor (pid ${pid}) was told to stop. Log (${log}):\n${logTail(log)}`);
  }
  if (outcome === 'dead') throw dead();
  return outcome;
}
