import { noteSkip } from '../../../../test/support/skip';
import { allPids, childPids, cmdline, schedState, statFields } from './proc';

const linux = process.platform === 'linux';

// The one /proc reader: read against this very process, so a parser that
// miscounts fields answers a wrong parent, not a plausible-looking number.
(linux ? describe : describe.skip)('util/proc on Linux', () => {
  it('reads state, parent and command line of this process', () => {
    expect(statFields(process.pid)?.[1]).toBe(String(process.ppid));
    expect(schedState(process.pid)).toMatch(/^[RS]$/);
    expect(cmdline(process.pid)).toContain('node');
    expect(allPids()).toContain(process.pid);
    expect(childPids(process.ppid)).toContain(process.pid);
  });

  it('answers "unknown" for a pid that does not exist', () => {
    const none = 2 ** 22 + 1; // above pid_max's ceiling
    expect([statFields(none), schedState(none), cmdline(none), childPids(none)]).toEqual([null, undefined, undefined, []]);
  });
});
if (!linux) noteSkip('util/proc: /proc exists on Linux only');
