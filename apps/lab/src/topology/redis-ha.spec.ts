// The Sentinel group's settings and the parsing of what Redis and Sentinel answer, without a Redis.
import { checkRedisHa } from './core';
import { TopologyError } from './errors';
import {
  addressReply, dataNodeArgs, haLines, haStatus, majorityPrimary, replicaLags, replicasOnline, SENTINEL_DEFAULTS, sentinelConf, sentinelSettings,
} from './redis-ha';
import { pairs, sentinelProjectEnv } from './drivers/compose/sentinel';

const PRIMARY_INFO = [
  '# Replication', 'role:master', 'connected_slaves:2',
  'slave0:ip=127.0.0.1,port=7001,state=online,offset=120,lag=0',
  'slave1:ip=127.0.0.1,port=7002,state=wait_bgsave,offset=0,lag=3',
  'master_repl_offset:120', '',
].join('\r\n');

describe('sentinel settings', () => {
  it('defaults to 3 Sentinels with quorum 2, down-after 1 s, failover-timeout 3 s, no min-replicas', () => {
    expect(sentinelSettings()).toEqual({ name: 'cart', quorum: 2, downAfterMs: 1000, failoverTimeoutMs: 3000, minReplicasToWrite: 0 });
  });

  it.each([
    [{ quorum: 0 }, /quorum must be 1-3/],
    [{ quorum: 4 }, /quorum must be 1-3/],
    [{ downAfterMs: 50 }, /down-after-milliseconds/],
    [{ failoverTimeoutMs: 500 }, /failover-timeout/],
    [{ minReplicasToWrite: 3 }, /min-replicas-to-write must be 0-2/],
    [{ name: 'a b' }, /name/],
  ])('refuses %j', (given, message) => {
    expect(() => sentinelSettings(given)).toThrow(message);
  });

  it('renders the settings into each Sentinel config, host names only where asked (Compose)', () => {
    const conf = sentinelConf(SENTINEL_DEFAULTS, { host: '127.0.0.1', port: 7000 });
    expect(conf).toContain('sentinel monitor cart 127.0.0.1 7000 2\n');
    expect(conf).toContain('sentinel down-after-milliseconds cart 1000\n');
    expect(conf).not.toContain('resolve-hostnames');
    expect(sentinelConf(SENTINEL_DEFAULTS, { host: 'redis', port: 6379 }, true)).toMatch(/resolve-hostnames yes\nsentinel announce-hostnames yes/);
  });

  it('gives every data node the same write rule, and no diskless-sync delay', () => {
    expect(dataNodeArgs(SENTINEL_DEFAULTS)).toEqual(['--repl-diskless-sync-delay', '0']);
    expect(dataNodeArgs({ ...SENTINEL_DEFAULTS, minReplicasToWrite: 1 })).toEqual(expect.arrayContaining(['--min-replicas-to-write', '1', '--min-replicas-max-lag', '1']));
  });

  it('is refused where it cannot run: without the redis store, with AOF, with bad settings', () => {
    expect(() => checkRedisHa({ store: 'memory', redisHa: 'sentinel' })).toThrow('redis-ha sentinel needs the redis store');
    expect(() => checkRedisHa({ store: 'redis', redisHa: 'sentinel', redisPersistence: 'aof' })).toThrow(TopologyError);
    expect(() => checkRedisHa({ store: 'redis', redisHa: 'sentinel', sentinel: { quorum: 5 } })).toThrow(/quorum/);
    expect(() => checkRedisHa({ store: 'memory' })).not.toThrow();
  });

  it('under Compose the settings become the compose file variables', () => {
    expect(sentinelProjectEnv({ ...SENTINEL_DEFAULTS, minReplicasToWrite: 1 })).toEqual({
      SENTINEL_QUORUM: '2', SENTINEL_DOWN_AFTER_MS: '1000', SENTINEL_FAILOVER_TIMEOUT_MS: '3000', MIN_REPLICAS_TO_WRITE: '1',
    });
    expect(() => sentinelProjectEnv({ ...SENTINEL_DEFAULTS, name: 'other' })).toThrow(/cart/);
  });
});

describe('reading the group', () => {
  it('takes each replica\'s lag from the primary\'s INFO, and counts only online replicas as synced', () => {
    expect([...replicaLags(PRIMARY_INFO)]).toEqual([['127.0.0.1:7001', 0], ['127.0.0.1:7002', 3]]);
    expect([replicasOnline(PRIMARY_INFO, 1), replicasOnline(PRIMARY_INFO, 2)]).toEqual([true, false]);
  });

  it('reads SENTINEL get-master-addr-by-name, and no answer as nothing', () => {
    expect(addressReply('*2\r\n$9\r\n127.0.0.1\r\n$4\r\n7000\r\n')).toBe('127.0.0.1:7000');
    expect(addressReply('*-1\r\n')).toBeUndefined();
    expect(addressReply('')).toBeUndefined();
  });

  it('names a primary only when a majority of Sentinels agree on it', () => {
    const v = (...p: Array<string | undefined>) => p.map((primary, i) => ({ address: `s${i}`, primary }));
    expect(majorityPrimary(v('a', 'a', 'b'))).toBe('a');
    expect(majorityPrimary(v('a', 'b', undefined))).toBeUndefined();
  });

  it('builds the status and its lines: primary, each replica (down ones too) and each Sentinel\'s view', () => {
    const status = haStatus(SENTINEL_DEFAULTS, [
      { address: '127.0.0.1:7000', info: PRIMARY_INFO },
      { address: '127.0.0.1:7001', info: 'role:slave\r\nslave_repl_offset:118\r\n' },
      { address: '127.0.0.1:7002', info: '' },
    ], [{ address: 's1', primary: '127.0.0.1:7000' }, { address: 's2', primary: '127.0.0.1:7000' }, { address: 's3' }]);
    expect(status.nodes).toEqual([
      { address: '127.0.0.1:7000', role: 'primary', offset: 120, lagSeconds: undefined },
      { address: '127.0.0.1:7001', role: 'replica', offset: 118, lagSeconds: 0 },
      { address: '127.0.0.1:7002', role: 'down' },
    ]);
    expect(haLines(status)).toEqual([
      'primary 127.0.0.1:7000 (2 of 3 Sentinels agree)',
      'replica 127.0.0.1:7001, offset 118, lag 0 s',
      'down    127.0.0.1:7002',
      'sentinel s1 names 127.0.0.1:7000',
      'sentinel s2 names 127.0.0.1:7000',
      'sentinel s3 names nothing (no answer)',
    ]);
  });

  it('reads redis-cli\'s key/value lines (Compose)', () => {
    expect(pairs('name\ncart\nnum-slaves\n2\n').get('num-slaves')).toBe('2');
  });
});
