// The Sentinel group of docker-compose.redis-sentinel.yml, seen and driven
// through `docker compose exec … redis-cli` and pause/unpause/kill of the
// service the Sentinels call primary.
import { waitFor } from '../../../util/wait';
import { TopologyError } from '../../errors';
import { haStatus, RedisHaStatus, SentinelSettings, SentinelView } from '../../redis-ha';
import type { RedisOp } from '../../core';

export const SENTINEL_FILE = 'docker-compose.redis-sentinel.yml';
export const DATA_SERVICES = ['redis', 'redis-replica-1', 'redis-replica-2'] as const;
export const SENTINEL_SERVICES = ['sentinel-1', 'sentinel-2', 'sentinel-3'] as const;
const SENTINEL_PORT = '26379';

/** The compose file's variables for these settings (its name is fixed: `cart`). */
export function sentinelProjectEnv(s: SentinelSettings): Record<string, string> {
  if (s.name !== 'cart') throw new TopologyError('invalid-argument', 'under Compose the Sentinels monitor the name cart');
  return {
    SENTINEL_QUORUM: String(s.quorum),
    SENTINEL_DOWN_AFTER_MS: String(s.downAfterMs),
    SENTINEL_FAILOVER_TIMEOUT_MS: String(s.failoverTimeoutMs),
    MIN_REPLICAS_TO_WRITE: String(s.minReplicasToWrite),
  };
}

/** `redis-cli` text `key\nvalue\n…` as a map. */
export function pairs(text: string): Map<string, string> {
  const lines = text.trim().split(/\r?\n/);
  const out = new Map<string, string>();
  for (let i = 0; i + 1 < lines.length; i += 2) out.set(lines[i], lines[i + 1]);
  return out;
}

type Exec = (service: string, cmd: string[]) => Promise<string>;
type Compose = (args: string[]) => Promise<unknown>;

export class ComposeSentinel {
  /** The service redisPause() froze, which redisResume() thaws. */
  private paused?: string;

  constructor(
    readonly settings: SentinelSettings,
    private readonly exec: Exec,
    private readonly compose: Compose,
  ) {}

  /** Every Sentinel knows both replicas and the two other Sentinels. */
  async untilSettled(timeoutMs: number): Promise<void> {
    await waitFor('every Sentinel to know both replicas and the other Sentinels', async () => {
      const replies = await Promise.all(SENTINEL_SERVICES.map((s) => this.sentinelCli(s, ['SENTINEL', 'master', this.settings.name])));
      return replies.every((r) => pairs(r).get('num-slaves') === '2' && pairs(r).get('num-other-sentinels') === '2');
    }, { timeoutMs, intervalMs: 500 });
  }

  async status(): Promise<RedisHaStatus> {
    const [sentinels, infos] = await Promise.all([
      Promise.all(SENTINEL_SERVICES.map(async (s): Promise<SentinelView> => {
        const [host, port] = (await this.sentinelCli(s, ['SENTINEL', 'get-master-addr-by-name', this.settings.name])).trim().split(/\r?\n/);
        return { address: `${s}:${SENTINEL_PORT}`, primary: host && port ? `${host}:${port}` : undefined };
      })),
      Promise.all(DATA_SERVICES.map(async (s) => ({ address: `${s}:6379`, info: await this.exec(s, ['redis-cli', 'INFO', 'replication']).catch(() => '') }))),
    ]);
    return haStatus(this.settings, infos, sentinels);
  }

  /** Pause and kill hit the service the Sentinels call primary now. */
  async op(op: RedisOp): Promise<'running' | 'paused'> {
    if (op === 'resume') {
      if (this.paused) await this.compose(['unpause', this.paused]);
      this.paused = undefined;
      return 'running';
    }
    if (op === 'restart') throw new TopologyError('invalid-argument', 'under Sentinel a restart is not offered: kill the primary and Sentinel promotes a replica');
    const service = (await this.status()).primary?.split(':')[0];
    if (!service) throw new TopologyError('illegal-transition', `the Sentinels agree on no primary now: cannot ${op} it`);
    if (op === 'kill') {
      await this.compose(['kill', service]);
      return 'running';
    }
    await this.compose(['pause', service]);
    this.paused = service;
    return 'paused';
  }

  private sentinelCli(service: string, cmd: string[]): Promise<string> {
    return this.exec(service, ['redis-cli', '-p', SENTINEL_PORT, ...cmd]).catch(() => '');
  }
}
