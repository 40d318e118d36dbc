import { GROUPS, parseArgs } from './options';

describe('bench arguments', () => {
  it('runs every group in full mode by default', () => {
    const o = parseArgs([]);
    expect(o.profile.mode).toBe('full');
    expect([...o.only]).toEqual([...GROUPS]);
    expect(o.profile.sessionCounts).toEqual([10_000, 100_000]);
    expect(o.json).toBe(false);
    expect(o.profile.users).toBe(24);
    expect([o.noPin, o.cpuProfile, o.compare, o.against]).toEqual([false, false, undefined, undefined]);
  });

  it('takes --users, --no-pin, --profile, --compare and --against', () => {
    const o = parseArgs(['--users', '40', '--no-pin', '--compare', 'a.json', '--against', 'b.json']);
    expect([o.profile.users, o.noPin, o.cpuProfile, o.compare, o.against]).toEqual([40, true, false, 'a.json', 'b.json']);
    expect(parseArgs(['--profile', '--quick', '--users', '3']).cpuProfile).toBe(true);
  });

  it('takes --quick, --only (both spellings), --sessions, --json and --out', () => {
    const o = parseArgs(['--quick', '--only', 'peer,direct', '--sessions', '500,2000', '--json', '--out', '/tmp/x']);
    expect(o.profile.mode).toBe('quick');
    expect([...o.only]).toEqual(['peer', 'direct']);
    expect(o.profile.sessionCounts).toEqual([500, 2000]);
    expect(o.json).toBe(true);
    expect(o.outDir).toBe('/tmp/x');
    expect([...parseArgs(['--only=memory']).only]).toEqual(['memory']);
  });

  it('takes --strategies: the strategy rows of both balancers narrowed to those named (absent: all of them)', () => {
    expect(parseArgs(['--quick', '--strategies', 'sticky-cookie,stick-table']).profile.strategies).toEqual(['sticky-cookie', 'stick-table']);
    expect(parseArgs(['--quick']).profile.strategies).toBeUndefined();
  });

  it.each([
    [['--strategies', 'sticky'], /--strategies takes a list of round-robin, ip-hash/],
    [['--strategies'], /--strategies takes a list of/],
    [['--only', 'ceiling,bogus'], /--only takes a list of/],
    [['--only'], /--only takes a list of/],
    [['--sessions', '15'], /multiples of 10/],
    [['--sessions', 'many'], /multiples of 10/],
    [['--fast'], /unknown argument --fast/],
    [['--users', '0'], /--users takes a count from 1 to 508/],
    [['--users', '509'], /--users takes a count/],
    [['--users', '2.5'], /--users takes a count/],
    [['--compare'], /--compare takes a file name/],
    [['--compare', '--quick'], /--compare takes a file name/],
    [['--against', 'b.json'], /--against needs --compare/],
    [['--profile', '--only', 'nginx'], /--profile runs on its own/],
    [['--profile', '--compare', 'a.json'], /--profile runs on its own/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
