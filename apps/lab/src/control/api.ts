import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReplicaInfo, Topology, TopologyStatus } from '../topology/topology';
import { badRequest, conflict, HttpError, notFound } from '../util/http-error';
import { readJson, sendJson } from '../util/json-api';
import { rolloutRoute } from './rollout-route';
import type { SerialQueue } from '../util/serial-queue';
import {
  BALANCER_ACTIONS,
  balancerActionRefusal,
  isBalancerAction,
  isReplicaAction,
  REDIS_ACTIONS,
  RedisAction,
  redisActionRefusal,
  REPLICA_ACTIONS,
  ReplicaAction,
  replicaActionRefusal,
} from '../topology/transitions';

/** What the control server adds to the topology's own status. */
export interface ControlMeta {
  control_url: string;
  dashboard_url: string | null;
  pid: number;
  started_at: string;
}

export type LabStatus = TopologyStatus & ControlMeta;

export interface ApiContext {
  topology: Topology;
  /**
   * One request's check, change and status as a unit: two terminals (or the
   * dashboard and a terminal) acting at once must not both pass the check,
   * and a rollout is many topology changes. The core queues each change
   * again inside, on its own instance (one queue would wait for itself).
   */
  serial: SerialQueue;
  meta(): ControlMeta;
  /** After every successful change (the `up` process rewrites its state file). */
  onChange(status: LabStatus): void;
  /** `POST /api/down`: called after the response is sent. */
  onDown(): void;
}

export const MAX_REPLICAS = 16;

type Handler = (ctx: ApiContext, req: IncomingMessage, params: string[]) => Promise<unknown>;
interface Route {
  method: 'GET' | 'POST';
  doc: string;
  pattern: RegExp;
  handler: Handler;
}

const ROUTES: Route[] = [
  { method: 'GET', doc: '/api/status', pattern: /^\/api\/status$/, handler: (ctx) => labStatus(ctx) },
  { method: 'GET', doc: '/api/logs', pattern: /^\/api\/logs$/, handler: async (ctx) => ({ logs: await ctx.topology.logs() }) },
  { method: 'POST', doc: '/api/replicas/:name/:action', pattern: /^\/api\/replicas\/([^/]+)\/([^/]+)$/, handler: replicaAction },
  { method: 'POST', doc: '/api/scale {"replicas":N}', pattern: /^\/api\/scale$/, handler: scale },
  { method: 'POST', doc: '/api/rollout {"drain_wait_s":S}', pattern: /^\/api\/rollout$/, handler: rolloutRoute },
  { method: 'POST', doc: '/api/redis/:action', pattern: /^\/api\/redis\/([^/]+)$/, handler: redisAction },
  { method: 'POST', doc: '/api/balancer/:action', pattern: /^\/api\/balancer\/([^/]+)$/, handler: balancerAction },
  { method: 'POST', doc: '/api/down', pattern: /^\/api\/down$/, handler: down },
];

export async function handleApi(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const matching = ROUTES.filter((r) => r.pattern.test(path));
  if (matching.length === 0) throw notFound(`no API route ${path}`, { routes: ROUTES.map((r) => `${r.method} ${r.doc}`) });
  const route = matching.find((r) => r.method === req.method);
  if (!route) {
    res.setHeader('allow', matching.map((r) => r.method).join(', '));
    throw new HttpError(405, `${req.method} not allowed on ${path}`);
  }
  const params = (route.pattern.exec(path) ?? []).slice(1).map(decodeURIComponent);
  const body = await route.handler(ctx, req, params);
  sendJson(res, 200, body);
  if (route.handler === down) ctx.onDown();
}

async function labStatus(ctx: ApiContext): Promise<LabStatus> {
  return { ...(await ctx.topology.status()), ...ctx.meta() };
}

async function changed(ctx: ApiContext, message: string) {
  const status = await labStatus(ctx);
  ctx.onChange(status);
  return { ok: true, message, status };
}

/** What the lab answers when a replica action succeeded: the CLI prints it, docs/cli.md quotes it. */
export const REPLICA_DONE: Record<ReplicaAction, (name: string) => string> = {
  stop: (n) => `${n} stopped`,
  kill: (n) => `${n} killed`,
  pause: (n) => `${n} paused (its connections stay open, nothing answers)`,
  resume: (n) => `${n} resumed`,
  start: (n) => `${n} started and ready`,
  'mark-down': (n) => `${n} marked down in the balancer: no traffic at all, bound clients included (bring it back with mark-up ${n})`,
  'mark-up': (n) => `${n} marked up: back in rotation in the balancer`,
  drain: (n) => `${n} draining: clients bound to it keep it, new clients go elsewhere (no traffic at all: mark-down ${n})`,
  undrain: (n) => `${n} undrained: new clients may get it again`,
};

function apply(topology: Topology, action: ReplicaAction, name: string): Promise<void> {
  switch (action) {
    case 'mark-down':
    case 'mark-up':
      return topology.markDown(name, action === 'mark-down');
    case 'drain':
    case 'undrain':
      return topology.drain(name, action === 'drain');
    default:
      return topology[action](name);
  }
}

async function replicaAction(ctx: ApiContext, _req: IncomingMessage, [name, action]: string[]) {
  if (!isReplicaAction(action)) throw notFound(`unknown replica action "${action}"`, { actions: [...REPLICA_ACTIONS] }, 'unknown_action');
  return ctx.serial.run(async () => {
    const { replicas } = await ctx.topology.status();
    const why = replicaActionRefusal(action, findReplica(replicas, name), replicas);
    if (why) throw conflict(why);
    await apply(ctx.topology, action, name);
    return changed(ctx, REPLICA_DONE[action](name));
  });
}

function findReplica(replicas: readonly ReplicaInfo[], name: string): ReplicaInfo {
  const found = replicas.find((r) => r.name === name);
  if (found) return found;
  const names = replicas.map((r) => r.name);
  throw notFound(`no replica named "${name}"; replicas: ${names.join(', ')}`, { replicas: names }, 'unknown_replica');
}

async function scale(ctx: ApiContext, req: IncomingMessage) {
  const { replicas } = await readJson(req);
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 1 || replicas > MAX_REPLICAS) {
    throw badRequest(`"replicas" must be an integer from 1 to ${MAX_REPLICAS}`);
  }
  return ctx.serial.run(async () => {
    const before = (await ctx.topology.status()).replicas.length;
    if (before === replicas) return changed(ctx, `already ${replicas} replicas`);
    await ctx.topology.scale(replicas);
    return changed(ctx, `scaled from ${before} to ${replicas} replicas`);
  });
}

const REDIS_DO: Record<RedisAction, { run: (t: Topology) => Promise<void>; done: string }> = {
  pause: { run: (t) => t.redisPause(), done: 'redis paused (connections stay open, nothing answers)' },
  resume: { run: (t) => t.redisResume(), done: 'redis resumed' },
  restart: { run: (t) => t.redisRestart(), done: 'redis restarted: every session it held is gone' },
  kill: { run: (t) => t.redisKill(), done: 'redis killed (SIGKILL); under Sentinel the primary, and a replica is promoted' },
};

function isRedisAction(value: string): value is RedisAction {
  return (REDIS_ACTIONS as readonly string[]).includes(value);
}

async function redisAction(ctx: ApiContext, _req: IncomingMessage, [action]: string[]) {
  if (!isRedisAction(action)) throw notFound(`unknown redis action "${action}"`, { actions: [...REDIS_ACTIONS] }, 'unknown_action');
  return ctx.serial.run(async () => {
    const { redis, store } = await ctx.topology.status();
    if (!redis) throw conflict(`this lab uses the ${store} store and has no Redis; start one with --store redis`);
    const why = redisActionRefusal(action, redis.state);
    if (why) throw conflict(why);
    await REDIS_DO[action].run(ctx.topology);
    // Only a restart's outcome depends on persistence; with AOF the sessions survive it.
    return changed(ctx, action === 'restart' && redis.persistence === 'aof' ? 'redis restarted: AOF persistence kept every session' : REDIS_DO[action].done);
  });
}

/**
 * Changes waiting for the one in progress beyond which a balancer operation
 * is refused: a restart takes seconds, and a client repeating the request
 * must not queue minutes of them.
 */
export const MAX_QUEUED_CHANGES = 4;

const BALANCER_DONE = {
  restart: (engine: string) => `${engine} restarted: a new process on the same address; what it learned in memory is gone`,
  reload: (engine: string) => `${engine} reloaded gracefully with the same config`,
} as const;

async function balancerAction(ctx: ApiContext, _req: IncomingMessage, [action]: string[]) {
  if (!isBalancerAction(action)) throw notFound(`unknown balancer action "${action}"`, { actions: [...BALANCER_ACTIONS] }, 'unknown_action');
  if (ctx.serial.pending >= MAX_QUEUED_CHANGES) {
    throw new HttpError(429, `${ctx.serial.pending} changes are already queued; try again when they are done`);
  }
  return ctx.serial.run(async () => {
    const { balancer } = await ctx.topology.status();
    const why = balancerActionRefusal(action, balancer.engine, balancer.state ?? 'running');
    if (why) throw conflict(why);
    await (action === 'restart' ? ctx.topology.restartBalancer() : ctx.topology.reloadBalancer());
    return changed(ctx, BALANCER_DONE[action](balancer.engine));
  });
}

async function down() {
  return { ok: true, message: 'tearing the lab down' };
}
