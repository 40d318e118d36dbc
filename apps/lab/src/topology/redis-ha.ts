// Replicated Redis under Sentinel: the settings both drivers render, and how
// the lab reads the group's state (INFO replication, SENTINEL replies).
import { TopologyError } from './errors';

export interface SentinelSettings {
  /** The name Sentinel monitors the primary under (REDIS_SENTINEL_NAME). */
  name: string;
  /** Sentinels that must agree the primary is down before a failover starts. */
  quorum: number;
  /** How long the primary must not answer before a Sentinel calls it down. */
  downAfterMs: number;
  /** Bound on one failover attempt (and the wait before the next). */
  failoverTimeoutMs: number;
  /** A primary with fewer replicas acknowledging within 1 s refuses writes (0: off). */
  minReplicasToWrite: number;
}

/** 3 Sentinels, quorum 2: one Sentinel alone can neither start nor block a failover. */
export const SENTINEL_DEFAULTS: Readonly<SentinelSettings> = Object.freeze({
  name: 'cart',
  quorum: 2,
  downAfterMs: 1_000,
  failoverTimeoutMs: 3_000,
  minReplicasToWrite: 0,
});

export const SENTINEL_COUNT = 3;
export const REDIS_REPLICA_COUNT = 2;

/** Fills defaults and refuses settings Sentinel would reject or that cannot fail over. */
export function sentinelSettings(given: Partial<SentinelSettings> = {}): SentinelSettings {
  const s = { ...SENTINEL_DEFAULTS, ...given };
  const bad = (what: string) => new TopologyError('invalid-argument', `redis sentinel: ${what}`);
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(s.name)) throw bad(`name ${s.name} must be 1-32 letters, digits, '_' or '-'`);
  if (!Number.isInteger(s.quorum) || s.quorum < 1 || s.quorum > SENTINEL_COUNT) throw bad(`quorum must be 1-${SENTINEL_COUNT}`);
  if (!Number.isInteger(s.downAfterMs) || s.downAfterMs < 100 || s.downAfterMs > 60_000) throw bad('down-after-milliseconds must be 100-60000');
  if (!Number.isInteger(s.failoverTimeoutMs) || s.failoverTimeoutMs < 1_000 || s.failoverTimeoutMs > 600_000) {
    throw bad('failover-timeout must be 1000-600000 ms');
  }
  if (!Number.isInteger(s.minReplicasToWrite) || s.minReplicasToWrite < 0 || s.minReplicasToWrite > REDIS_REPLICA_COUNT) {
    throw bad(`min-replicas-to-write must be 0-${REDIS_REPLICA_COUNT}`);
  }
  return s;
}

/** One Sentinel's config file; `host`/`port` name the primary at start (Sentinel rewrites the file as it learns). */
export function sentinelConf(s: SentinelSettings, primary: { host: string; port: number }, hostnames = false): string {
  return [
    ...(hostnames ? ['sentinel resolve-hostnames yes', 'sentinel announce-hostnames yes'] : []),
    `sentinel monitor ${s.name} ${primary.host} ${primary.port} ${s.quorum}`,
    `sentinel down-after-milliseconds ${s.name} ${s.downAfterMs}`,
    `sentinel failover-timeout ${s.name} ${s.failoverTimeoutMs}`,
    `sentinel parallel-syncs ${s.name} 1`,
    '',
  ].join('\n');
}

/**
 * redis-server settings every data node gets, so a promoted replica keeps the
 * same write rule. No diskless-sync delay: by default a primary waits 5 s for
 * more replicas before the first full sync, and WAIT counts none meanwhile.
 */
export function dataNodeArgs(s: SentinelSettings): string[] {
  const sync = ['--repl-diskless-sync-delay', '0'];
  if (s.minReplicasToWrite === 0) return sync;
  return [...sync, '--min-replicas-to-write', String(s.minReplicasToWrite), '--min-replicas-max-lag', '1'];
}

/** True when the primary's INFO replication lists `count` replicas in state online. */
export function replicasOnline(primaryInfo: string, count: number): boolean {
  return (primaryInfo.match(/^slave\d+:.*state=online/gm) ?? []).length >= count;
}

export interface RedisNodeView {
  /** host:port as the lab reaches it. */
  address: string;
  role: 'primary' | 'replica' | 'down';
  /** Replication offset the node reports. */
  offset?: number;
  /** Replica only: seconds since the primary last heard its ACK (INFO replication `lag`), as the primary sees it. */
  lagSeconds?: number;
}

export interface SentinelView {
  address: string;
  /** The primary this Sentinel names (SENTINEL get-master-addr-by-name); undefined when it did not answer. */
  primary?: string;
}

export interface RedisHaStatus {
  name: string;
  settings: SentinelSettings;
  /** The address most Sentinels name, or undefined when they do not agree on one. */
  primary?: string;
  nodes: RedisNodeView[];
  sentinels: SentinelView[];
}

/** The fields of an INFO section as a map. */
export function infoFields(info: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of info.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0 && !line.startsWith('#')) out.set(line.slice(0, i), line.slice(i + 1).trim());
  }
  return out;
}

/** Lag per replica address, from the primary's `slaveN:ip=…,port=…,lag=…` lines. */
export function replicaLags(primaryInfo: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, value] of infoFields(primaryInfo)) {
    if (!/^slave\d+$/.test(key)) continue;
    const f = new Map(value.split(',').map((kv) => kv.split('=') as [string, string]));
    const lag = Number(f.get('lag'));
    if (f.get('ip') && f.get('port') && Number.isFinite(lag)) out.set(`${f.get('ip')}:${f.get('port')}`, lag);
  }
  return out;
}

/** The address a RESP array reply `*2 $n host $n port` names, or undefined. */
export function addressReply(reply: string): string | undefined {
  const parts = reply.split('\r\n');
  if (!parts[0]?.startsWith('*2')) return undefined;
  return `${parts[2]}:${parts[4]}`;
}

/** The address named by a majority of the answers, or undefined. */
export function majorityPrimary(views: SentinelView[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of views) if (v.primary) counts.set(v.primary, (counts.get(v.primary) ?? 0) + 1);
  for (const [address, n] of counts) if (n > views.length / 2) return address;
  return undefined;
}

/** The group's status from each data node's INFO replication ('' when it did not answer) and each Sentinel's view. */
export function haStatus(settings: SentinelSettings, infos: Array<{ address: string; info: string }>, sentinels: SentinelView[]): RedisHaStatus {
  const primary = majorityPrimary(sentinels);
  const lags = replicaLags(infos.find((n) => n.address === primary)?.info ?? '');
  const nodes: RedisNodeView[] = infos.map(({ address, info }) => {
    const f = infoFields(info);
    if (!f.has('role')) return { address, role: 'down' };
    const role = f.get('role') === 'master' ? 'primary' : 'replica';
    const offset = Number(f.get(role === 'primary' ? 'master_repl_offset' : 'slave_repl_offset'));
    return { address, role, offset: Number.isFinite(offset) ? offset : undefined, lagSeconds: lags.get(address) };
  });
  return { name: settings.name, settings, primary, nodes, sentinels };
}

/** The group in a few lines (CLI status and dashboard): who is primary, each replica's lag, each Sentinel's view. */
export function haLines(ha: RedisHaStatus): string[] {
  const agree = ha.sentinels.filter((s) => s.primary && s.primary === ha.primary).length;
  const lines = [ha.primary ? `primary ${ha.primary} (${agree} of ${ha.sentinels.length} Sentinels agree)` : 'no primary the Sentinels agree on'];
  for (const n of ha.nodes) {
    if (n.address === ha.primary && n.role === 'primary') continue;
    const lag = n.lagSeconds === undefined ? '' : `, lag ${n.lagSeconds} s`;
    lines.push(`${n.role === 'down' ? 'down   ' : n.role} ${n.address}${n.offset === undefined ? '' : `, offset ${n.offset}`}${lag}`);
  }
  for (const s of ha.sentinels) lines.push(`sentinel ${s.address} names ${s.primary ?? 'nothing (no answer)'}`);
  return lines;
}
