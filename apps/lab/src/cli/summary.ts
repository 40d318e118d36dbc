import type { LabStatus } from '../control';
import { LabClient } from '../client';
import type { ReplicaInfo, ReplicaState, TopologyStatus } from '../topology/topology';
import { haLines } from '../topology/redis-ha';
import { rotationLegend, rotationOf, rotationWord } from '../topology/rotation';
import { Colour, CliIo, paint } from './output';
import type { ReplicaStats } from '../client/replica-stats';
import { Column, renderTable } from './table';
import { isAbsolute, join, relative } from 'node:path';
import { stateDir } from './state';

const STATE_COLOUR: Record<ReplicaState, Colour> = {
  starting: 'gray',
  running: 'green',
  stopped: 'yellow',
  killed: 'red',
  paused: 'cyan',
};

type Balancer = TopologyStatus['balancer'];

const STICKY: Record<Balancer['engine'], Record<NonNullable<Balancer['sticky']>, string>> = {
  nginx: {
    native: 'native `sticky cookie` directive',
    portable: 'portable route-cookie form (map + per-replica backup pools)',
    'n/a': 'n/a',
  },
  haproxy: { native: '`cookie route insert indirect`', portable: 'n/a', 'n/a': 'n/a' },
};

type Row = ReplicaInfo & { stats?: Pick<ReplicaStats, 'sessions' | 'requests_served'> | null };

// `n/a`: the redis store keeps sessions in Redis, not per replica;
// `?`: the replica did not answer /stats (not running, paused, or too slow).
const count = (r: Row, value: (s: Pick<ReplicaStats, 'sessions' | 'requests_served'>) => number | null) => (r.stats ? (value(r.stats) ?? 'n/a') : '?').toString();
const STATS_COLUMNS: Column<Row>[] = [
  { header: 'sessions', value: (r) => count(r, (s) => s.sessions), align: 'right' },
  { header: 'requests', value: (r) => count(r, (s) => s.requests_served), align: 'right' },
];
/** What the status table's columns mean; SESSIONS as this store keeps them. */
export function statsLegend(store: TopologyStatus['store']): string {
  const sessions =
    store === 'redis'
      ? 'SESSIONS n/a: kept in Redis, not per replica; ?: the replica did not answer.'
      : 'SESSIONS: held in that replica\'s memory, lost with its process; ?: the replica did not answer.';
  return `PROCESS: what the lab last did to it. ${rotationLegend()} ${sessions}`;
}

type BalancerView = { engine: Balancer['engine']; state: NonNullable<Balancer['state']> };

/** What the replica table needs to know of the balancer (a driver that does not watch it: running). */
export function balancerOf(status: Pick<TopologyStatus, 'balancer'>): BalancerView {
  return { engine: status.balancer.engine, state: status.balancer.state ?? 'running' };
}

function balancerView(io: CliIo, r: Row, balancer: BalancerView): string {
  const rotation = rotationOf(r, balancer);
  const word = rotationWord(rotation, balancer.engine);
  return rotation === 'in rotation' ? word : paint(io, rotation === 'dead' ? 'red' : 'yellow', word);
}

/** Replicas as a table; with stats (from `withStats`) also sessions held and requests served. */
export function replicaTable(io: CliIo, replicas: Row[], balancer: BalancerView = { engine: 'nginx', state: 'running' }): string {
  const columns: Column<Row>[] = [
    { header: 'name', value: (r) => paint(io, 'bold', r.name) },
    { header: 'process', value: (r) => paint(io, STATE_COLOUR[r.state], r.state) },
    { header: 'balancer', value: (r) => balancerView(io, r, balancer) },
    { header: 'pid', value: (r) => (r.pid ? String(r.pid) : '-'), align: 'right' },
    { header: 'port', value: (r) => (r.port ? String(r.port) : '-'), align: 'right' },
    ...(replicas.some((r) => 'stats' in r) ? STATS_COLUMNS : []),
    { header: 'direct url', value: (r) => r.url },
  ];
  return renderTable<Row>(columns, replicas, '  ');
}

function field(io: CliIo, label: string, value: string): string {
  return `  ${paint(io, 'gray', label.padEnd(10))} ${value}`;
}

/** The block `up` and `status` print: where to go, what runs, each replica. */
export function renderStatus(io: CliIo, status: LabStatus & { replicas: Row[] }): string {
  const lines = [
    field(io, 'URL', paint(io, 'bold', status.url)),
    status.dashboard_url
      ? field(io, 'dashboard', status.dashboard_url)
      : field(io, 'control', `${status.control_url}/api/status`),
    field(io, 'strategy', status.strategy),
    field(io, 'store', status.store),
    field(io, 'sessions', sessionLine(status.session)),
    field(io, 'balancer', balancerLine(io, status)),
  ];
  if (status.redis) lines.push(field(io, 'redis', redisLine(status.redis)));
  if (status.redis?.ha) lines.push(...haLines(status.redis.ha).map((l) => `    ${l}`));
  lines.push(field(io, 'driver', `${status.driver}, supervisor pid ${status.pid}, up since ${status.started_at}`));
  const balancer = balancerOf(status);
  const legend = status.replicas.some((r) => 'stats' in r) ? ['', paint(io, 'gray', wrap(statsLegend(status.store), '  '))] : [];
  return [...lines, '', replicaTable(io, status.replicas, balancer), ...legend].join('\n');
}

/** Absent only from a lab started before the field existed. */
function sessionLine(session: LabStatus['session'] | undefined): string {
  if (!session) return 'not reported by this lab';
  return `expire after ${session.ttlSeconds} s idle (SESSION_TTL_SECONDS); at most ${session.max} per replica (SESSION_MAX)`;
}

/** Persistence is named only when the driver reports it: a guess would be a lie about what a restart keeps. */
function redisLine(redis: NonNullable<LabStatus['redis']>): string {
  const kept = { none: 'no persistence: a restart empties it', aof: 'AOF persistence: a restart keeps the carts' } as const;
  if (redis.ha) return `${redis.url} (${redis.state}), replicated under Sentinel, no persistence`;
  return `${redis.url} (${redis.state})${redis.persistence ? `, ${kept[redis.persistence]}` : ''}`;
}

function balancerLine(io: CliIo, status: LabStatus): string {
  const b = status.balancer;
  const state = b.state ?? 'running';
  const sticky = status.strategy === 'sticky-cookie' && b.sticky ? `, ${STICKY[b.engine][b.sticky]}` : '';
  const running = state === 'dead' ? paint(io, 'red', 'dead (nothing answers on the URL)') : 'running';
  return `${b.engine} ${b.version}${sticky}, ${running}${b.pid ? ` (pid ${b.pid})` : ''}`;
}

/** One sentence per line, indented, so the legend reads under an 80-column table. */
const wrap = (text: string, indent: string) => text.split(/(?<=\.) /).map((l) => indent + l).join('\n');

/**
 * The walk-through's cookie jar: in the lab's own state directory (one per
 * lab, git-ignored), not a fixed file in /tmp that another lab or user shares.
 * Relative when it is under the current directory, as the default `.lab/` is.
 */
export function cookieJar(io: Pick<CliIo, 'env' | 'cwd'>): string {
  const jar = join(stateDir(io.env, io.cwd), 'cart.jar');
  const rel = relative(io.cwd, jar);
  return rel.startsWith('..') || isAbsolute(rel) ? jar : rel;
}
export const WALKTHROUGH_SKU = 'sku-coffee';

/**
 * The walk-through `up` prints and the README quotes (a test keeps the two
 * equal and runs it). `served` is the replica a curl from this machine lands
 * on when the strategy pins by client address; otherwise the user reads it
 * from the reply.
 */
export function walkthrough(io: CliIo, status: LabStatus, served?: string): string {
  const victim = served ?? status.replicas[1]?.name ?? status.replicas[0]?.name ?? 'app1';
  const which = served ? 'the replica that served you' : 'or whichever served_by you saw';
  const outcome = status.store === 'redis' ? 'the cart survives: it lives in Redis' : 'the cart lived in its memory';
  const jar = cookieJar(io);
  const add = `curl -s -c ${jar} -b ${jar} -H 'content-type: application/json' -d '{"sku":"${WALKTHROUGH_SKU}","qty":2}' ${status.url}/cart/items`;
  const lines = [
    `shop page  ${status.url}/ui/`,
    `dashboard  ${status.dashboard_url ?? `(none) control API ${status.control_url}/api/status`}`,
    add,
    `curl -s -b ${jar} ${status.url}/cart`,
    `npm run lab -- stop ${victim}      # ${which}; ${outcome}`,
    `curl -s -b ${jar} ${status.url}/cart`,
    `npm run lab -- down`,
  ];
  return [paint(io, 'bold', 'Try it:'), ...lines.map((l) => `  ${l}`)].join('\n');
}

/** Who serves a plain curl from this machine, for strategies that pin by address. */
export async function replicaServingMe(status: LabStatus): Promise<string | undefined> {
  if (status.strategy !== 'ip-hash' && status.strategy !== 'consistent-hash') return undefined;
  const client = new LabClient({ name: 'cli-hint', baseUrl: status.url, sourceAddress: '127.0.0.1', timeoutMs: 3_000 });
  try {
    return (await client.root()).servedBy;
  } finally {
    client.close();
  }
}
