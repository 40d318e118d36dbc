import { differencesBeyondSpread, Readings, settled, spreadOf, warmUntilSettled, windowCost } from './steady';

describe('steady state', () => {
  it('costs a window per replica from two readings, leaving out a replica that hardly served', () => {
    const before: Readings = { app1: { cpuMs: 100, requests: 1000 }, app2: { cpuMs: 50, requests: 10 }, app3: { cpuMs: 5, requests: 0 } };
    const after: Readings = { app1: { cpuMs: 400, requests: 2000 }, app2: { cpuMs: 60, requests: 40 }, app3: { cpuMs: 5, requests: 0 } };
    // app1: 300 ms over 1000 requests = 300 µs each; app2 served 30 (< 50) and app3 none: no figure, not 0
    expect(windowCost(before, after)).toEqual({ app1: 300 });
  });

  it('calls two windows settled only when every serving replica agrees within the tolerance', () => {
    expect(settled({ app1: 300, app2: 310 }, { app1: 290, app2: 320 })).toBe(true); // 3.3 % and 3.2 %
    expect(settled({ app1: 300 }, { app1: 316 })).toBe(false); // 5.3 %
    expect(settled({ app1: 300 }, { app1: 284 })).toBe(false); // −5.3 %
    // a replica serving in one window only has not settled; no replica serving is no evidence
    expect(settled({ app1: 300 }, { app1: 300, app2: 900 })).toBe(false);
    expect(settled({}, {})).toBe(false);
  });

  it('warms window after window until two agree, and says so', async () => {
    const costs = [900, 500, 330, 320, 321];
    let cpu = 0;
    let requests = 0;
    const loads: number[] = [];
    const w = await warmUntilSettled({
      read: async () => ({ app1: { cpuMs: cpu, requests } }),
      load: async (s) => {
        loads.push(s);
        requests += 1000;
        cpu += costs[loads.length - 1];
      },
      windowS: 1,
      maxWindows: 10,
    });
    // 900 → 500 → 330 → 320 (3 %): settled on the fourth window
    expect(w).toMatchObject({ settled: true, windows: [{ app1: 900 }, { app1: 500 }, { app1: 330 }, { app1: 320 }] });
    expect(loads).toEqual([1, 1, 1, 1]);
  });

  it('stops at its bound and reports the warm-up as not settled', async () => {
    let cpu = 0;
    let requests = 0;
    const w = await warmUntilSettled({
      read: async () => ({ app1: { cpuMs: cpu, requests } }),
      load: async () => {
        requests += 1000;
        cpu += requests; // every window dearer by 1000 µs per request: never settles
      },
      windowS: 0.5,
      maxWindows: 3,
    });
    expect(w.settled).toBe(false);
    expect(w.windows).toHaveLength(3);
  });

  it('gives median and range of repeated windows', () => {
    expect(spreadOf([310, 300, 290, 400])).toEqual({ median: 305, min: 290, max: 400, n: 4 });
    expect(spreadOf([7])).toEqual({ median: 7, min: 7, max: 7, n: 1 });
    expect(spreadOf([])).toBeUndefined();
  });

  it('states a difference between rows only where their ranges do not overlap', () => {
    const rows = [
      { id: 'round-robin', spread: { median: 400, min: 380, max: 420, n: 8 } },
      { id: 'sticky-cookie', spread: { median: 430, min: 415, max: 445, n: 8 } }, // overlaps round-robin
      { id: 'url-hash', spread: { median: 300, min: 290, max: 310, n: 8 } },
      { id: 'no-spread' },
      { id: 'one-window', spread: { median: 900, min: 900, max: 900, n: 1 } }, // a single window shows no spread
    ];
    expect(differencesBeyondSpread(rows)).toEqual([
      { dearer: 'sticky-cookie', cheaper: 'url-hash', ratio: 1.43 },
      { dearer: 'round-robin', cheaper: 'url-hash', ratio: 1.33 },
    ]);
  });
});
