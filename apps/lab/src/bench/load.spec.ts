import type { Generator } from './generator/pool';
import type { SliceResult } from './generator/protocol';
import { runInterleaved } from './load';

/** A generator whose k-th slice answers `latencies[k]`: no server, no sockets. */
function fakeGenerator(latencies: number[][]): Generator {
  let k = 0;
  const run = async ({ users }: { users: SliceResult['users'] }): Promise<SliceResult> => {
    const ms = Float64Array.from(latencies[k++]);
    return { id: k, completed: ms.length, errors: {}, latenciesMs: ms, wallS: 0.1, cpuUs: 10, waitUs: null, users, tallies: users.map(() => ({ reads: 0, kept: 0 })) };
  };
  return { run, processes: 1 } as unknown as Generator;
}

/** 100 answers: 98 fast ones, then two slow ones; the p99 of 100 is the 99th: `p99`. */
const slice = (fast: number, p99: number) => [...Array.from({ length: 98 }, () => fast), p99, 1000];

describe('runInterleaved', () => {
  it('keeps each measured slice\'s p99, case by case, in the order the cases took turns', async () => {
    const gen = fakeGenerator([slice(1, 30), slice(2, 5), slice(1, 40), slice(2, 7)]);
    const spec = (url: string) => ({ url, steps: [{ method: 'GET' as const, path: '/cart' }], users: [{ address: '127.77.1.1', cookie: '' }], cpuPids: [process.pid] });
    const [a, b] = await runInterleaved(gen, [spec('a'), spec('b')], { durationS: 0.2, warmupS: 0, rounds: 2 });
    expect(a.p99_slices).toEqual([30, 40]);
    expect(b.p99_slices).toEqual([5, 7]);
    // Over all of a's 200 answers the 99th percentile is the slower slice's tail.
    expect(a.p99).toBe(40);
  });
});
