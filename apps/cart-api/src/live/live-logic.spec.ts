import { createHmac } from 'node:crypto';
import { ConfigError } from '../config/config';
import { roomOf, sidFromCookie } from './live-auth';
import { loadLiveConfig } from './live.config';
import { MessageGuard } from './message-guard';

const sign = (sid: string, secret: string) => `s:${sid}.${createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, '')}`;
const cookie = (value: string) => `other=1; sid=${encodeURIComponent(value)}; route=app2`;

describe('sidFromCookie', () => {
  it('returns the id of a cookie signed by any of the secrets (rotation)', () => {
    expect(sidFromCookie(cookie(sign('abc', 'old')), 'sid', ['new', 'old'])).toBe('abc');
  });

  it('returns null for no cookie, an unsigned one, a forged signature, or a mangled encoding', () => {
    expect(sidFromCookie(undefined, 'sid', ['k'])).toBeNull();
    expect(sidFromCookie('route=app1', 'sid', ['k'])).toBeNull();
    expect(sidFromCookie(cookie('abc'), 'sid', ['k'])).toBeNull();
    expect(sidFromCookie(cookie(sign('abc', 'attacker')), 'sid', ['k'])).toBeNull();
    expect(sidFromCookie(cookie(sign('abc', 'k')).replace('abc', 'abd'), 'sid', ['k'])).toBeNull();
    expect(sidFromCookie('sid=%E0%A4%A', 'sid', ['k'])).toBeNull();
  });

  it('does not take a cookie whose name merely ends in sid', () => {
    expect(sidFromCookie(`xsid=${encodeURIComponent(sign('abc', 'k'))}`, 'sid', ['k'])).toBeNull();
  });
});

describe('roomOf', () => {
  it('is stable per session, distinct across sessions, and does not carry the id', () => {
    expect(roomOf('abc')).toBe(roomOf('abc'));
    expect(roomOf('abc')).not.toBe(roomOf('abd'));
    expect(roomOf('secret-session-id')).not.toContain('secret-session-id');
  });
});

describe('MessageGuard', () => {
  it('lets a burst through, refuses the next message, and refills over time', () => {
    let now = 0;
    const g = new MessageGuard({ burst: 3, perSecond: 2 }, () => now);
    expect([g.check('whoami'), g.check('whoami'), g.check('whoami')]).toEqual([null, null, null]);
    expect(g.check('whoami')).toMatch(/flood/);
    now += 500; // half a second at 2/s: one token back
    expect(g.check('whoami')).toBeNull();
    expect(g.check('whoami')).toMatch(/flood/);
  });

  it('refuses any event the page never sends, and non-string events', () => {
    const g = new MessageGuard();
    expect(g.check('cart')).toMatch(/^unexpected event "cart"/);
    expect(g.check(42)).toMatch(/^unexpected event/);
    expect(g.check('x'.repeat(500))!.length).toBeLessThan(80);
  });
});

describe('loadLiveConfig', () => {
  it('defaults to no adapter, 1000 sockets, 8 per session and 64 per address', () => {
    expect(loadLiveConfig({}, 'memory')).toEqual({ adapter: 'none', maxSockets: 1000, maxPerSession: 8, maxPerAddress: 64 });
    expect(loadLiveConfig({ LIVE_MAX_SOCKETS_PER_SESSION: '2', LIVE_MAX_SOCKETS_PER_ADDRESS: '3' }, 'memory')).toMatchObject({ maxPerSession: 2, maxPerAddress: 3 });
  });

  it('takes the redis adapter with the redis store only', () => {
    expect(loadLiveConfig({ LIVE_ADAPTER: 'redis' }, 'redis').adapter).toBe('redis');
    expect(() => loadLiveConfig({ LIVE_ADAPTER: 'redis' }, 'memory')).toThrow(/needs SESSION_STORE=redis/);
    expect(() => loadLiveConfig({ LIVE_ADAPTER: 'redis', REDIS_SENTINELS: 'h:1' }, 'redis')).toThrow(/does not run with REDIS_SENTINELS/);
  });

  it('names the bad variable', () => {
    expect(() => loadLiveConfig({ LIVE_ADAPTER: 'kafka' }, 'redis')).toThrow(new ConfigError('LIVE_ADAPTER=kafka is invalid: expected one of none, redis'));
    for (const name of ['LIVE_MAX_SOCKETS', 'LIVE_MAX_SOCKETS_PER_SESSION', 'LIVE_MAX_SOCKETS_PER_ADDRESS']) {
      for (const bad of ['0', '-1', '1e3', '100001', 'many']) expect(() => loadLiveConfig({ [name]: bad }, 'memory')).toThrow(new RegExp(`^${name}=`));
    }
  });
});
