import { createServer } from 'node:net';
import { IntSetting, SESSION_MAX, SESSION_TTL_SECONDS } from '../../../../../libs/env-keys';
import { MAX_REPLICAS } from '../../control';
import { checkBalancerStrategy } from '../../topology/core';
import { SENTINEL_DEFAULTS, SentinelSettings } from '../../topology/redis-ha';
import { BALANCERS, HAPROXY_ONLY_STRATEGIES, HAPROXY_STRATEGIES, REDIS_HA, REDIS_PERSISTENCE, STORES, STRATEGIES } from '../../topology/topology';
import { intValue, oneOf, parseCommand } from '../args';
import type { Command } from '../command';
import { detach } from '../detach';
import { CliError, CliIo, paint, printJson, UsageError } from '../output';
import { stateDir } from '../state';
import { renderStatus, replicaServingMe, walkthrough } from '../summary';
import { ensureNoLiveLab, supervise, UpOptions } from '../supervisor';

/** HAProxy's own strategies are named as such: nginx refuses them. */
export const STRATEGY_LIST = `${STRATEGIES.join(', ')}; with --balancer haproxy also ${HAPROXY_ONLY_STRATEGIES.join(', ')}`;

const D = SENTINEL_DEFAULTS;
const USAGE = `up [--balancer nginx|haproxy] [--strategy S] [--store memory|redis] [--redis-persistence none|aof] [--redis-ha none|sentinel] [--replicas N] [--session-ttl S] [--session-max N] [--port P] [--dashboard-port P] [--detach] [--json]

  --balancer B         ${BALANCERS.join(' | ')} (default nginx)
  --strategy S         ${STRATEGIES.join(' | ')} (default ip-hash);
                       with --balancer haproxy also ${HAPROXY_ONLY_STRATEGIES.join(' | ')}
  --store S            memory | redis (default memory)
  --redis-persistence  none | aof (default none; needs --store redis): aof keeps the carts across \`lab redis restart\`
  --redis-ha H         none | sentinel (default none; needs --store redis): a primary, 2 replicas, 3 Sentinels
    --sentinel-down-after MS       a primary silent this long is down (default ${D.downAfterMs})
    --sentinel-failover-timeout MS bound on one failover attempt (default ${D.failoverTimeoutMs})
    --sentinel-quorum N            Sentinels that must agree it is down, 1-3 (default ${D.quorum})
    --min-replicas-to-write N      a primary without N acknowledging replicas refuses writes, 0-2 (default ${D.minReplicasToWrite})
  --replicas N         replicas app1..appN, 1-${MAX_REPLICAS} (default 3)
  --session-ttl S      idle seconds before a session and its cart go, ${SESSION_TTL_SECONDS.min}-${SESSION_TTL_SECONDS.max} (default ${SESSION_TTL_SECONDS.fallback}; SESSION_TTL_SECONDS of every replica)
  --session-max N      most sessions one replica holds, then 503 for new ones, ${SESSION_MAX.min}-${SESSION_MAX.max} (default ${SESSION_MAX.fallback}; SESSION_MAX)
  --port P             balancer port on 127.0.0.1 (default 8080; 0 = a free port)
  --dashboard-port P   control API and dashboard on 127.0.0.1 (default 8081; 0 = a free port)
  --detach             run in the background; stop it with \`npm run lab -- down\`
  --json               print the status as JSON

In the foreground, Ctrl-C tears everything down (a second Ctrl-C forces).`;

function parseUp(argv: string[]): UpOptions & { detach: boolean } {
  const { values } = parseCommand(
    argv,
    {
      balancer: { type: 'string' },
      strategy: { type: 'string' },
      store: { type: 'string' },
      'redis-persistence': { type: 'string' },
      'redis-ha': { type: 'string' },
      'sentinel-down-after': { type: 'string' },
      'sentinel-failover-timeout': { type: 'string' },
      'sentinel-quorum': { type: 'string' },
      'min-replicas-to-write': { type: 'string' },
      replicas: { type: 'string' },
      'session-ttl': { type: 'string' },
      'session-max': { type: 'string' },
      port: { type: 'string' },
      'dashboard-port': { type: 'string' },
      detach: { type: 'boolean' },
    },
    { min: 0, max: 0 },
  );
  const store = oneOf(values.store, '--store', STORES, 'memory');
  // A persistence choice for a Redis that will not exist is a mistake to name, not to ignore.
  if (values['redis-persistence'] !== undefined && store !== 'redis') {
    throw new UsageError('--redis-persistence needs --store redis (the memory store has no Redis to persist)');
  }
  const redisHa = oneOf(values['redis-ha'], '--redis-ha', REDIS_HA, 'none');
  if (redisHa !== 'none' && store !== 'redis') throw new UsageError('--redis-ha needs --store redis');
  const sentinel = sentinelOptions(values);
  if (Object.keys(sentinel).length > 0 && redisHa !== 'sentinel') throw new UsageError('the --sentinel-* and --min-replicas-to-write options need --redis-ha sentinel');
  const balancer = oneOf(values.balancer, '--balancer', BALANCERS, 'nginx');
  const strategy = oneOf(values.strategy, '--strategy', HAPROXY_STRATEGIES, 'ip-hash', STRATEGY_LIST);
  try {
    checkBalancerStrategy(balancer, strategy);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return {
    balancer,
    strategy,
    store,
    redisPersistence: oneOf(values['redis-persistence'], '--redis-persistence', REDIS_PERSISTENCE, 'none'),
    redisHa,
    sentinel,
    replicas: intValue(values.replicas, '--replicas', 1, MAX_REPLICAS, 3),
    sessionTtlSeconds: setting(values['session-ttl'], '--session-ttl', SESSION_TTL_SECONDS),
    sessionMax: setting(values['session-max'], '--session-max', SESSION_MAX),
    port: intValue(values.port, '--port', 0, 65535, 8080),
    dashboardPort: intValue(values['dashboard-port'], '--dashboard-port', 0, 65535, 8081),
    detach: !!values.detach,
    json: !!values.json,
  };
}

const setting = (raw: string | boolean | undefined, name: string, s: IntSetting) => intValue(raw, name, s.min, s.max, s.fallback);

function sentinelOptions(values: Record<string, string | boolean | undefined>): Partial<SentinelSettings> {
  const out: Partial<SentinelSettings> = {};
  const int = (flag: string, key: keyof Omit<SentinelSettings, 'name'>, min: number, max: number) => {
    if (values[flag] !== undefined) out[key] = intValue(values[flag], `--${flag}`, min, max, D[key]);
  };
  int('sentinel-down-after', 'downAfterMs', 100, 60_000);
  int('sentinel-failover-timeout', 'failoverTimeoutMs', 1_000, 600_000);
  int('sentinel-quorum', 'quorum', 1, 3);
  int('min-replicas-to-write', 'minReplicasToWrite', 0, 2);
  return out;
}

const PORT_HINT = {
  port: 'balancer',
  'dashboard-port': 'control server and dashboard',
} as const;

/**
 * nginx (or the control server) would fail late and cryptically on a taken
 * port; say it before booting anything.
 */
async function ensurePortFree(port: number, option: keyof typeof PORT_HINT): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE' || err.code === 'EACCES'
          ? new CliError(
              `port ${port} (${PORT_HINT[option]}) ${err.code === 'EACCES' ? 'needs privileges this user lacks' : 'is in use (another lab or server?)'} — pick another with --${option}, or --${option} 0 for a free one`,
            )
          : err,
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/**
 * Everything that can be refused is refused before anything boots, in the
 * order that points at the real cause: a live lab first, then the leftovers
 * of a dead one (whose nginx may still hold the port), then the ports.
 */
async function preflight(opts: UpOptions, io: CliIo): Promise<void> {
  if (opts.port !== 0 && opts.port === opts.dashboardPort) {
    throw new UsageError(`--port and --dashboard-port are both ${opts.port}: the balancer and the dashboard need a port each`);
  }
  await ensureNoLiveLab(stateDir(io.env, io.cwd));
  await ensurePortFree(opts.port, 'port');
  await ensurePortFree(opts.dashboardPort, 'dashboard-port');
}

export const up: Command = {
  name: 'up',
  summary: 'start the balancer (nginx or haproxy) + replicas (+ redis) and keep them running',
  usage: USAGE,
  async run(argv: string[], io: CliIo) {
    const opts = parseUp(argv);
    await preflight(opts, io);
    if (!opts.detach) return supervise(opts, io);
    const status = await detach(opts, io);
    if (opts.json) {
      printJson(io, status);
      return 0;
    }
    io.out(`${paint(io, 'green', 'Sticky Sessions Lab is up')} (in the background)\n\n${renderStatus(io, status)}`);
    io.out(`  ${paint(io, 'gray', `supervisor log: ${status.log_file}`)}\n\n${walkthrough(io, status, await replicaServingMe(status))}`);
    return 0;
  },
};
