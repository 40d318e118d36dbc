import type { HistoryEntry } from '../client/history';
import { waitFor } from '../util/wait';
import { Fleet } from './fleet';

it('never sends simulated traffic to a lab that is not on loopback', () => {
  const fleet = new Fleet({ url: 'http://192.0.2.10:8080', clients: 2 });
  fleet.start();
  expect(fleet.snapshot()).toMatchObject({ running: false, tiles: [], note: expect.stringContaining('loopback') });
  fleet.close();
});

it('hands every request to the recorder; fresh clients under their own lane names', async () => {
  const seen: HistoryEntry[] = [];
  // The discard port refuses at once: every request fails fast, and each is still recorded.
  const fleet = new Fleet({ url: 'http://127.0.0.1:9', clients: 2, intervalMs: 20, record: (e) => seen.push(e) });
  try {
    fleet.start();
    await waitFor('requests of both clients recorded', () => ['c1', 'c2'].every((c) => seen.some((e) => e.client === c)), { timeoutMs: 5_000 });
    expect(seen.every((e) => e.outcome !== 'ok')).toBe(true);
    fleet.start();
    await waitFor('the new c1 recorded as c1·2', () => seen.some((e) => e.client === 'c1·2'), { timeoutMs: 5_000 });
  } finally {
    fleet.close();
  }
  const names = new Set(seen.map((e) => e.client));
  expect([...names].filter((n) => !/^(c[12](·2)?|catalog-\d+)$/.test(n))).toEqual([]);
});
