import { lastLines, tailOption } from './logs';

describe('logs --tail', () => {
  const log = 'one\ntwo\nthree\n';

  it('counts as docker logs --tail does: 0 is no line, all is every line', () => {
    expect(lastLines(log, 0)).toBe('');
    expect(lastLines(log, 2)).toBe('two\nthree');
    expect(lastLines(log, 'all')).toBe('one\ntwo\nthree');
    expect(lastLines(log, 10)).toBe('one\ntwo\nthree');
  });

  it('reads 40 by default, a count or all, and refuses anything else saying what it takes', () => {
    expect(tailOption(undefined)).toBe(40);
    expect(tailOption('0')).toBe(0);
    expect(tailOption('all')).toBe('all');
    expect(() => tailOption('-1')).toThrow('--tail must be a line count from 0 to 1000000, or all (got "-1")');
    expect(() => tailOption('everything')).toThrow('(got "everything")');
  });
});
