import type { LabStatus } from '../control';
import { LabClient } from '../client';
import type { ReplicaInfo, ReplicaState, TopologyStatus } from '../topology/topology';
import { Colour, CliIo, paint } from './output';
import type { ReplicaStats } from './replica-stats';
import { Column, renderTable } from './table';

const STATE_COLOUR: Record<ReplicaState, Colour> = {
  starting: 'gray',
  running: 'green',
  stopped: 'yellow',
  killed: 'red',
  paused: 'cyan',
};

const STICKY: Record<TopologyStatus['nginx']['sticky'], string> = {
  native: 'native `sticky cookie` directive',
  portable: 'portable route-cookie form (map + per-replica backup pools)',
  'n/a': 'n/a',
};

type Row = ReplicaInfo & { stats?: ReplicaStats | null };

const STATS_COLUMNS: Column<Row>[] = [
  { header: 'sessions', value: (r) => (r.stats?.sessions ?? '-').toString(), align: 'right' },
  { header: 'requests', value: (r) => (r.stats?.requests_served ?? '-').toString(), align: 'right' },
];

/** Replicas as a table; with stats (from `withStats`) also sessions held and requests served. */
export function replicaTable(io: CliIo, replicas: Row[]): string {
  const columns: Column<Row>[] = [
    { header: 'name', value: (r) => paint(io, 'bold', r.name) },
    { header: 'state', value: (r) => paint(io, STATE_COLOUR[r.state], r.state) },
    { header: 'nginx', value: (r) => (r.drained ? paint(io, 'yellow', 'down') : 'up') },
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
    field(io, 'nginx', status.strategy === 'sticky-cookie' ? `${status.nginx.version}, ${STICKY[status.nginx.sticky]}` : status.nginx.version),
  ];
  if (status.redis) lines.push(field(io, 'redis', `${status.redis.url} (${status.redis.state})`));
  lines.push(field(io, 'driver', `${status.driver}, supervisor pid ${status.pid}, up since ${status.started_at}`));
  return [...lines, '', replicaTable(io, status.replicas)].join('\n');
}

/**
 * `served` is the replica a curl from this machine lands on, when the
 * strategy pins by client address; otherwise the user reads it from the reply.
 */
export function tryThis(io: CliIo, status: LabStatus, served?: string): string {
  const jar = '-c /tmp/lab.jar -b /tmp/lab.jar';
  const victim = served ?? status.replicas[1]?.name ?? status.replicas[0]?.name ?? 'app1';
  const why = served ? `the replica ${status.strategy} gives you` : 'or whichever served_by you saw';
  const lines = [
    `curl -s ${jar} -H 'content-type: application/json' -d '{"sku":"sku-apple","qty":1}' ${status.url}/cart/items`,
    `curl -s ${jar} ${status.url}/cart`,
    `open ${status.url}/ui/ in a browser`,
    `npm run lab -- stop ${victim}      # ${why}; from another terminal`,
    `npm run lab -- status`,
    `npm run lab -- down`,
  ];
  return [paint(io, 'bold', 'Try this:'), ...lines.map((l) => `  ${l}`)].join('\n');
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
