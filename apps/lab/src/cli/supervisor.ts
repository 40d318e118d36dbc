import { ControlServer, LabStatus } from '../control';
import { createTopology } from '../topology';
import type { SentinelSettings } from '../topology/redis-ha';
import type { BalancerEngine, DriverName, RedisHa, RedisPersistence, StoreKind, Strategy, Topology } from '../topology/topology';
import { cleanStale, labAlive } from './lab';
import { CliError, CliIo, paint, printJson } from './output';
import { waitFor } from '../util/wait';
import { descendants, killAll, pidGone, startTicks } from './pids';
import { claimState, LabState, readState, removeState, stateDir, writeState } from './state';
import { renderStatus, replicaServingMe, walkthrough } from './summary';

export interface UpOptions {
  balancer: BalancerEngine;
  strategy: Strategy;
  store: StoreKind;
  /** Only meaningful with the redis store; `none` otherwise. */
  redisPersistence: RedisPersistence;
  /** `sentinel`: a primary, two replicas, three Sentinels (redis store only). */
  redisHa: RedisHa;
  /** Sentinel timing and quorum given on the command line (the rest default). */
  sentinel: Partial<SentinelSettings>;
  replicas: number;
  sessionTtlSeconds: number;
  sessionMax: number;
  port: number;
  dashboardPort: number;
  json: boolean;
}

/**
 * Refuses when a live lab owns this directory; after a dead one, kills the
 * processes it left behind and waits (bounded) until they are gone, so the
 * ports they held are free again.
 */
export async function ensureNoLiveLab(dir: string): Promise<void> {
  const state = readState(dir);
  if (!state) return;
  if (labAlive(state) && state.pid !== process.pid) {
    const where = [state.url, state.dashboard_url && `dashboard ${state.dashboard_url}`].filter(Boolean).join(', ');
    throw new CliError(
      `a lab is already running here (pid ${state.pid}${where ? `, ${where}` : ''}) — see it with \`npm run lab -- status\`, stop it with \`npm run lab -- down\``,
    );
  }
  const killed = cleanStale(dir, state);
  await waitFor(`the dead lab's leftovers (${killed.join(' ')}) to exit`, () => killed.every(pidGone), {
    timeoutMs: 10_000,
    intervalMs: 50,
  });
}

/**
 * Ctrl-C, SIGTERM (what `down` falls back to) and SIGHUP (terminal closed)
 * tear down exactly once; a second Ctrl-C exits at once, and the driver's
 * exit hook plus our own sweep SIGKILL whatever is left.
 */
function onShutdownSignal(io: CliIo, request: (why: string) => void): () => void {
  let count = 0;
  const handler = (signal: NodeJS.Signals) => {
    count += 1;
    if (count === 1) return request(signal);
    if (signal !== 'SIGINT') return;
    io.err('lab: second Ctrl-C, killing everything now');
    killAll(descendants(process.pid));
    process.exit(130);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, handler);
  return () => signals.forEach((s) => process.off(s, handler));
}

async function listenControl(port: number): Promise<ControlServer> {
  try {
    return await ControlServer.listen({ port });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    throw new CliError(`port ${port} (control server and dashboard) is in use — pick another with --dashboard-port, or 0 for a free one`);
  }
}

/** Set by `up --detach` for the supervisor it spawns, so the state file can point at the log. */
export const LOG_ENV = 'LAB_SUPERVISOR_LOG';

function stateOf(control: ControlServer, opts: UpOptions, status: LabStatus | null): LabState {
  const children = descendants(process.pid);
  return {
    pid: process.pid,
    phase: status ? 'running' : 'starting',
    control_url: control.url,
    dashboard_url: status?.dashboard_url ?? null,
    url: status?.url ?? null,
    driver: status?.driver ?? null,
    strategy: opts.strategy,
    store: opts.store,
    replicas: status?.replicas ?? [],
    started_at: control.meta().started_at,
    child_pids: children,
    pid_starts: startTicks([process.pid, ...children]),
    log_file: process.env[LOG_ENV] || null,
  };
}

/**
 * The foreground `up`: owns the topology until asked to stop (signal or
 * `POST /api/down`), publishes the state file meanwhile, and always tears
 * down before returning.
 */
export async function supervise(opts: UpOptions, io: CliIo): Promise<number> {
  const dir = stateDir(io.env, io.cwd);
  await ensureNoLiveLab(dir);
  let stopWhy: string | null = null;
  let wake: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (wake = resolve));
  const requestStop = (why: string) => {
    stopWhy ??= why;
    wake();
  };
  const offSignals = onShutdownSignal(io, requestStop);
  let control: ControlServer | undefined;
  let topology: Topology | undefined;
  try {
    control = await listenControl(opts.dashboardPort);
    await claim(dir, stateOf(control, opts, null));
    // a Ctrl-C during boot is honoured once the driver hands the topology over
    topology = await boot(opts, io);
    if (!stopWhy) {
      await publish(dir, control, topology, opts, io, () => requestStop('down requested'));
      await stopped;
    }
    io.err(`lab: ${stopWhy}: tearing down…`);
    return 0;
  } finally {
    await teardown(topology, control, dir, io);
    offSignals();
  }
}

async function claim(dir: string, state: LabState): Promise<void> {
  if (claimState(dir, state)) return;
  await ensureNoLiveLab(dir);
  if (!claimState(dir, state)) throw new CliError(`another lab is starting in ${dir}; try again in a moment`);
}

async function boot(opts: UpOptions, io: CliIo): Promise<Topology> {
  const driver = (io.env.LAB_DRIVER as DriverName | undefined) || undefined;
  try {
    const { balancer, strategy, store, replicas, port, redisPersistence, redisHa, sentinel, sessionTtlSeconds, sessionMax } = opts;
    const redis = store === 'redis' ? { redisPersistence, redisHa, sentinel } : {};
    const topology = await createTopology({ balancer, strategy, store, replicas, port, driver, sessionTtlSeconds, sessionMax, ...redis });
    await refuseUnkeptPersistence(topology, opts);
    return topology;
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}

/** A driver that does not report the asked-for persistence would let `aof` users lose carts they were promised. */
async function refuseUnkeptPersistence(topology: Topology, opts: UpOptions): Promise<void> {
  if (opts.store !== 'redis' || opts.redisPersistence === 'none') return;
  const { redis, driver } = await topology.status();
  if (redis?.persistence === opts.redisPersistence) return;
  await topology.down();
  throw new Error(`the ${driver} driver does not report Redis persistence ${opts.redisPersistence}; not starting a lab that may lose the carts it promises to keep`);
}

async function publish(dir: string, control: ControlServer, topology: Topology, opts: UpOptions, io: CliIo, onDown: () => void) {
  control.attach(topology, {
    onChange: (status) => writeState(dir, stateOf(control, opts, status)),
    onDown,
    log: (line) => io.err(`lab: ${line}`),
  });
  const status: LabStatus = { ...(await topology.status()), ...control.meta() };
  printSummary(io, status, opts.json, opts.json ? undefined : await replicaServingMe(status));
  // last: whoever waits for `running` (up --detach, scripts) finds the summary printed
  writeState(dir, stateOf(control, opts, status));
}

function printSummary(io: CliIo, status: LabStatus, json: boolean, served?: string): void {
  if (json) return printJson(io, status);
  io.out(`${paint(io, 'green', 'Sticky Sessions Lab is up')}\n\n${renderStatus(io, status)}\n\n${walkthrough(io, status, served)}`);
  const detached = !!process.env[LOG_ENV];
  io.out(`  ${paint(io, 'gray', detached ? 'Running in the background: `npm run lab -- down` tears it all down.' : 'Ctrl-C here tears it all down.')}`);
}

/**
 * Detached, the supervisor's output is a log file: stamp every line so it
 * lines up with nginx's and the replicas' logs.
 */
export function stampedIo(io: CliIo): CliIo {
  const stamp = (text: string) =>
    text
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => `${new Date().toISOString()} ${line}`)
      .join('\n');
  return { ...io, out: (t) => io.out(stamp(t)), err: (t) => io.err(stamp(t)) };
}

async function teardown(topology: Topology | undefined, control: ControlServer | undefined, dir: string, io: CliIo) {
  try {
    await control?.quiesce();
    await topology?.down();
  } finally {
    await control?.close();
    removeState(dir, process.pid);
    killAll(descendants(process.pid));
  }
  if (topology) io.err('lab: down; every process it started is gone');
}
