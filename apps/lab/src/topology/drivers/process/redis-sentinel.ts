// One primary, two replicas and three Sentinels, all the machine's
// redis-server on loopback ports. Each Sentinel runs from its own config file
// because Sentinel rewrites it as it learns the group.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addressReply, dataNodeArgs, haStatus, infoFields, majorityPrimary, REDIS_REPLICA_COUNT, RedisHaStatus, replicasOnline, RedisNodeView,
  SENTINEL_COUNT, sentinelConf, SentinelSettings, sentinelSettings, SentinelView,
} from '../../redis-ha';
import { waitFor } from '../../../util/wait';
import { redisCommand, RedisServer } from './redis-server';

const LOOPBACK = '127.0.0.1';

export class RedisSentinelGroup {
  private constructor(
    readonly settings: SentinelSettings,
    /** Data nodes in start order: [0] is the first primary, whatever it is now. */
    readonly nodes: RedisServer[],
    readonly sentinels: RedisServer[],
  ) {}

  /** Starts the group; resolves when every Sentinel sees both replicas and the other Sentinels. */
  static async start(dir: string, given: Partial<SentinelSettings> = {}): Promise<RedisSentinelGroup> {
    const settings = sentinelSettings(given);
    mkdirSync(dir, { recursive: true });
    const started: RedisServer[] = [];
    const group = new RedisSentinelGroup(settings, [], []);
    try {
      // Each data node in a folder of its own: a replica writes the RDB its
      // primary sends it into its working directory, which was the caller's.
      const primary = await RedisServer.start({ dir: join(dir, 'node-1'), extraArgs: dataNodeArgs(settings) });
      group.nodes.push(primary);
      for (let i = 0; i < REDIS_REPLICA_COUNT; i += 1) {
        group.nodes.push(await RedisServer.start({ dir: join(dir, `node-${i + 2}`), replicaOf: primary.port, extraArgs: dataNodeArgs(settings) }));
      }
      for (let i = 0; i < SENTINEL_COUNT; i += 1) {
        const file = join(dir, `sentinel-${i + 1}.conf`);
        writeFileSync(file, sentinelConf(settings, { host: LOOPBACK, port: primary.port }));
        group.sentinels.push(await RedisServer.start({ sentinelConfig: file }));
      }
      await group.untilSettled();
      return group;
    } catch (err) {
      started.push(...group.nodes, ...group.sentinels);
      await Promise.all(started.map((s) => s.stop().catch(() => undefined)));
      throw err;
    }
  }

  /** `host:port,…` for REDIS_SENTINELS. */
  get sentinelList(): string {
    return this.sentinels.map((s) => `${LOOPBACK}:${s.port}`).join(',');
  }

  pids(): Array<number | undefined> {
    return [...this.nodes, ...this.sentinels].map((s) => s.pid);
  }

  /** The data node the Sentinels' majority names primary, if it is one of ours. */
  async primary(): Promise<RedisServer | undefined> {
    const address = majorityPrimary(await this.sentinelViews());
    return this.nodes.find((n) => `${LOOPBACK}:${n.port}` === address);
  }

  /** Waits (bounded) until the Sentinels agree on a primary other than `old` that answers as one. */
  async untilPromoted(old: RedisServer, timeoutMs: number): Promise<RedisServer> {
    let found: RedisServer | undefined;
    await waitFor(`a replica promoted in place of redis :${old.port}`, async () => {
      const p = await this.primary();
      found = p && p !== old && (await roleOf(p.port)) === 'primary' ? p : undefined;
      return !!found;
    }, { timeoutMs, intervalMs: 100 });
    return found!;
  }

  async sentinelViews(): Promise<SentinelView[]> {
    return Promise.all(this.sentinels.map(async (s) => ({
      address: `${LOOPBACK}:${s.port}`,
      primary: addressReply(await redisCommand(s.port, `SENTINEL get-master-addr-by-name ${this.settings.name}`, LOOPBACK, 300, /\r\n\$\d+\r\n\d+\r\n$|\*-1\r\n$/)),
    })));
  }

  async status(): Promise<RedisHaStatus> {
    const [sentinels, infos] = await Promise.all([
      this.sentinelViews(),
      Promise.all(this.nodes.map(async (n) => ({ address: `${LOOPBACK}:${n.port}`, info: n.running ? await replicationInfo(n.port) : '' }))),
    ]);
    return haStatus(this.settings, infos, sentinels);
  }

  logs(): Record<string, string> {
    const out: Record<string, string> = {};
    this.nodes.forEach((n, i) => (out[`redis-${i + 1}`] = n.logs()));
    this.sentinels.forEach((s, i) => (out[`sentinel-${i + 1}`] = s.logs()));
    return out;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.nodes, ...this.sentinels].map((s) => s.stop()));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  private async untilSettled(): Promise<void> {
    // A Sentinel learns replicas from the primary's INFO and other Sentinels
    // from hello messages, every 10 s and 2 s: a failover needs both.
    const primary = this.nodes[0].port;
    await waitFor('both replicas in sync with the primary', async () => replicasOnline(await replicationInfo(primary), REDIS_REPLICA_COUNT), {
      timeoutMs: 30_000, intervalMs: 100,
    });
    await waitFor('every Sentinel to know both replicas and the other Sentinels', async () => {
      const replies = await Promise.all(this.sentinels.map((s) => redisCommand(s.port, `SENTINEL master ${this.settings.name}`, LOOPBACK, 300, /\r\n$/)));
      return replies.every((r) => /num-slaves\r\n\$\d+\r\n2\r\n/.test(r) && /num-other-sentinels\r\n\$\d+\r\n2\r\n/.test(r));
    }, { timeoutMs: 30_000, intervalMs: 200 });
  }
}

function replicationInfo(port: number): Promise<string> {
  return redisCommand(port, 'INFO replication', LOOPBACK, 300, /\r\n\r\n$/);
}

/** `primary`, `replica`, or `down` when the node does not answer. */
export async function roleOf(port: number): Promise<RedisNodeView['role']> {
  const role = infoFields(await replicationInfo(port)).get('role');
  return role === 'master' ? 'primary' : role ? 'replica' : 'down';
}
