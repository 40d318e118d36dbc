import type { LabClient } from '../client';
import { all } from './harness';

export interface BusyOptions {
  /** Gap between one client's requests: paces the load so the fault, not the load, is measured. */
  paceMs?: number;
  /** Hard bound on requests per client whatever the fault does. */
  maxRounds?: number;
}

/**
 * Every client reads its cart in a paced loop while `fault` runs, and once
 * more after it finished, so requests are in flight when the fault hits.
 */
export async function whileBusy<T>(clients: readonly LabClient[], fault: () => Promise<T>, opts: BusyOptions = {}): Promise<T> {
  const { paceMs = 100, maxRounds = 400 } = opts;
  let done = false;
  const load = all(clients, async (c, i) => {
    // Stagger the start so the crowd does not move in lockstep.
    await pause((paceMs * i) / clients.length);
    for (let k = 0; k < maxRounds && !done; k++) {
      await c.getCart();
      await pause(paceMs);
    }
    await c.getCart();
  });
  try {
    return await fault();
  } finally {
    done = true;
    await load;
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
