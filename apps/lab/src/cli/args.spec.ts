import { HAPROXY_STRATEGIES } from '../vocabulary';
import { oneOf } from './args';
import { STRATEGY_LIST } from './commands/up';

const refusal = (raw: string) => {
  try {
    oneOf(raw, '--strategy', HAPROXY_STRATEGIES, 'ip-hash', STRATEGY_LIST);
  } catch (err) {
    return (err as Error).message;
  }
  return 'accepted';
};

describe('oneOf (an option value from a fixed list)', () => {
  it('suggests the value a typo or a prefix meant, as unknown options do', () => {
    expect(refusal('sticky')).toBe(
      '--strategy must be one of round-robin, ip-hash, consistent-hash, sticky-cookie, url-hash; with --balancer haproxy also stick-table, bounded-load (got "sticky") (did you mean sticky-cookie?)',
    );
    expect(refusal('ip_hash')).toMatch(/\(did you mean ip-hash\?\)$/);
  });

  it('suggests nothing for a value close to none, and accepts every listed value', () => {
    expect(refusal('random')).toMatch(/\(got "random"\)$/);
    for (const s of HAPROXY_STRATEGIES) expect(refusal(s)).toBe('accepted');
  });
});
