// One address floods nginx past its per-client rate limit while ordinary
// shoppers, each on its own address, keep shopping.
import { entriesOf, userAddress, type HistoryEntry, type LabClient } from '../client';
import { failedRequests } from './measures';
import { all, closeAll, fill, makeClients, Run, runScenario, unmovedRow } from './harness';
import type { RunOptions, ScenarioParams, ScenarioResult } from './types';

export const ID = 'flood';

/** The nginx templates' `limit_req` (snippets/http.conf.template, server.conf.template). */
export const LIMIT = { ratePerS: 100, burst: 400 } as const;
/** Requests the flood sends in all: well past the burst, bounded. */
export const FLOOD_REQUESTS = 2_000;
/** Clients sharing the flooding address; each keeps 4 sockets, so 128 requests are in flight at once. */
const FLOODERS = 32;
const SHOPPERS = 20;
const FLOOD_PATH = '/health/live';
/** Far from every shopper's /24 (userAddress(0…19)) and from 127.0.0.1, which the limit exempts. */
const FLOOD_ADDRESS = userAddress(230);

export interface FloodFacts {
  floodSent: number;
  /** Flood requests nginx refused with 429. */
  flood429: number;
  /** Flood requests answered 2xx: at most what the limit lets through in the flood's time. */
  floodServed: number;
  floodMs: number;
  /** burst + rate × the flood's duration (+1 for the bucket's first request): the most the limit may serve. */
  floodServedBound: number;
  /** 429s any shopper got: must be none, the limit is per address. */
  shopper429: string[];
  /** Shopper requests that did not get a 2xx. */
  shopperFailures: string[];
  shoppers: number;
}

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<FloodFacts>> {
  return runScenario(params, options, async (r) => {
    const shoppers = makeClients(r, SHOPPERS);
    const flooders = makeClients(r, FLOODERS, () => FLOOD_ADDRESS, 'flood');
    try {
      const started = Date.now();
      // The shoppers shop while the flood runs: fill, then read their carts until the flood is over.
      const flood = sendFlood(flooders);
      await fill(r, shoppers);
      await readUntil(shoppers, flood);
      const floodMs = await flood;
      await all(shoppers, (c) => c.getCart());
      const facts = factsOf(r, shoppers, flooders, floodMs);
      const mine = new Set(shoppers.map((c) => c.name));
      const shopping = entriesOf(r.history).filter((e) => mine.has(e.client));
      const row = unmovedRow(ID, r, {
        clients: shoppers.length,
        history: shopping,
        note: `flood of ${facts.floodSent} requests from ${FLOOD_ADDRESS} in ${facts.floodMs} ms: ${facts.flood429} answered 429 (${pct(facts.flood429, facts.floodSent)} %), ${facts.floodServed} served (limit allows ≤ ${facts.floodServedBound}); shoppers: ${facts.shopper429.length} 429s, ${facts.shopperFailures.length} failed requests (took ${Date.now() - started} ms)`,
      });
      return { rows: [row], facts };
    } finally {
      closeAll([...shoppers, ...flooders]);
    }
  });
}

/**
 * FLOOD_REQUESTS GETs of the cheapest route shared out over the flooders;
 * resolves with the elapsed ms. Cheap, so that even on a busy machine the
 * replicas answer faster than the limit's 100 r/s and the burst runs out.
 */
async function sendFlood(flooders: LabClient[]): Promise<number> {
  const t0 = Date.now();
  let left = FLOOD_REQUESTS;
  // every socket of every flooder takes the next request until none is left
  const lanes = flooders.flatMap((c) =>
    Array.from({ length: 4 }, async () => {
      while (left > 0) {
        left--;
        await c.request('GET', FLOOD_PATH);
      }
    }),
  );
  await Promise.all(lanes);
  return Date.now() - t0;
}

/** Shoppers read their carts in rounds while the flood lasts (bounded by the flood itself). */
async function readUntil(shoppers: LabClient[], flood: Promise<number>): Promise<void> {
  let over = false;
  void flood.then(() => (over = true));
  while (!over) await all(shoppers, (c) => c.getCart());
}

function factsOf(r: Run, shoppers: LabClient[], flooders: LabClient[], floodMs: number): FloodFacts {
  const of = (clients: LabClient[]) => {
    const names = new Set(clients.map((c) => c.name));
    return entriesOf(r.history).filter((e) => names.has(e.client));
  };
  const flood = of(flooders);
  const shopping = of(shoppers);
  const line = (e: HistoryEntry) => `${e.client} ${e.method} ${e.path} ${e.status ?? e.error}`;
  return {
    floodSent: flood.length,
    flood429: flood.filter((e) => e.status === 429).length,
    floodServed: flood.filter((e) => e.outcome === 'ok').length,
    floodMs,
    floodServedBound: LIMIT.burst + Math.ceil((LIMIT.ratePerS * floodMs) / 1000) + 1,
    shopper429: shopping.filter((e) => e.status === 429).map(line),
    shopperFailures: failedRequests(shopping).map(line),
    shoppers: shoppers.length,
  };
}

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);
