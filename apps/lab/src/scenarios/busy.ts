import type { LabClient } from '../client';
import { all } from './harness';

/**
 * Every client reads its cart in a loop while `fault` runs, and one more
 * round after it finished, so requests are in flight when the fault hits.
 * Bounded by `maxRounds` per client whatever the fault does.
 */
export async function whileBusy<T>(clients: readonly LabClient[], fault: () => Promise<T>, maxRounds = 200): Promise<T> {
  let done = false;
  const load = all(clients, async (c) => {
    for (let k = 0; k < maxRounds && !done; k++) await c.getCart();
    await c.getCart();
  });
  try {
    return await fault();
  } finally {
    done = true;
    await load;
  }
}
