// One hostile address runs every single-client attack at once against the
// balancer (idle half headers, half bodies, hundreds of WebSockets on one
// session cookie, a request flood) while 20 shoppers, each on its own /24,
// keep shopping. What the shoppers get is measured against a quiet baseline
// of the same shoppers just before the attack.
import { entriesOf, HistoryEntry, LabClient, userAddress } from '../client';
import { HALF_BODY, HALF_HEADER, HeldTally, holdConnections, refusals } from './attacker';
import { balancerRssKb } from './balancer-rss';
import { all, closeAll, fill, makeClients, Run, runScenario, unmovedRow } from './harness';
import { LiveProbe, percentile } from './live-client';
import type { RunOptions, ScenarioParams, ScenarioResult } from './types';

export const ID = 'hostile-neighbour';

/** The attack, per kind: bounded in count; everything ends at ATTACK_MS. */
export const ATTACK = { idleHeaders: 600, halfBodies: 100, sockets: 500, floodRequests: 2_000, floodInFlight: 128 } as const;
/** Longer than both balancers' header/body timeouts (5 s), so their letting go shows. */
export const ATTACK_MS = 8_000;
/** The row's goals (issue 26). */
export const GOALS = { shopperOkPct: 99, p99Ratio: 3 } as const;
const SHOPPERS = 20;
const QUIET_ROUNDS = 6;
/** Far from every shopper's /24 and from 127.0.0.1, which the balancers exempt. */
export const ATTACKER = userAddress(230);

export interface HostileNeighbourFacts {
  shoppers: number;
  shopperRequests: number;
  shopperOk: number;
  shopperOkPct: number;
  quietP99Ms: number | null;
  attackP99Ms: number | null;
  /** attack p99 / quiet p99; null when either is unknown. */
  p99Ratio: number | null;
  idle: HeldTally;
  bodies: HeldTally;
  /** WebSockets the replicas welcomed, and handshakes refused (429/503/403 from a balancer or replica). */
  socketsConnected: number;
  socketsRefused: number;
  floodSent: number;
  floodRefused: number;
  /** Every refusal the attacker got: 429/503 answers on held connections and to the flood, refused socket handshakes. */
  attackerRefused: number;
  /** Largest balancer RSS sampled during the attack (all its processes); null where it cannot be read (compose). */
  balancerRssKb: number | null;
  /** Shopper requests that did not get a 2xx during the attack. */
  shopperFailures: string[];
}

export function run(params: ScenarioParams, options?: RunOptions): Promise<ScenarioResult<HostileNeighbourFacts>> {
  return runScenario(params, options, async (r) => {
    const shoppers = makeClients(r, SHOPPERS);
    const [attacker] = makeClients(r, 1, () => ATTACKER, 'x');
    const flooders = makeClients(r, ATTACK.floodInFlight / 4, () => ATTACKER, 'flood');
    const probes: LiveProbe[] = [];
    try {
      await fill(r, shoppers);
      const quietFrom = Date.now();
      for (let i = 0; i < QUIET_ROUNDS; i++) await all(shoppers, (c) => c.getCart());
      const quiet = shopperEntries(r, shoppers, quietFrom, Date.now());
      // The attacker's one session, for its sockets to present.
      await attacker.addItem(r.skus[0], 1);
      const attackFrom = Date.now();
      const attack = runAttack(r, attacker, flooders, probes);
      const rss = sampleRss(r, attack.done);
      await shopUntil(r, shoppers, attack.done);
      const a = await attack.done;
      const during = shopperEntries(r, shoppers, attackFrom, Date.now());
      const facts = factsOf(shoppers.length, quiet, during, a, await rss);
      const row = unmovedRow(ID, r, { clients: shoppers.length, history: during, note: noteOf(facts) });
      return { rows: [row], facts };
    } finally {
      for (const p of probes) p.close();
      closeAll([...shoppers, attacker, ...flooders]);
    }
  });
}

interface AttackResult {
  idle: HeldTally;
  bodies: HeldTally;
  socketsConnected: number;
  socketsRefused: number;
  flood: HistoryEntry[];
}

function runAttack(r: Run, attacker: LabClient, flooders: LabClient[], probes: LiveProbe[]): { done: Promise<AttackResult> } {
  const held = (count: number, preamble: string) => holdConnections({ baseUrl: r.topo.url, sourceAddress: ATTACKER, count, preamble, holdMs: ATTACK_MS });
  const idle = held(ATTACK.idleHeaders, HALF_HEADER);
  const bodies = held(ATTACK.halfBodies, HALF_BODY);
  for (let i = 0; i < ATTACK.sockets; i++) probes.push(new LiveProbe(attacker, { transport: 'websocket' }));
  const flood = sendFlood(flooders, ATTACK.floodRequests);
  const done = (async () => {
    const [i, b] = await Promise.all([idle, bodies, flood]);
    const socketsConnected = probes.filter((p) => p.count('hello') > 0).length;
    const socketsRefused = probes.filter((p) => p.count('hello') === 0 && p.count('connect_error') > 0).length;
    const names = new Set(flooders.map((c) => c.name));
    return { idle: i, bodies: b, socketsConnected, socketsRefused, flood: entriesOf(r.history).filter((e) => names.has(e.client)) };
  })();
  return { done };
}

/** `total` GETs shared out over every flooder's 4 sockets; ends when all are answered (each bounded by the client's 5 s timeout). */
async function sendFlood(flooders: LabClient[], total: number): Promise<void> {
  let left = total;
  const lanes = flooders.flatMap((c) =>
    Array.from({ length: 4 }, async () => {
      while (left > 0) {
        left--;
        await c.request('GET', '/products');
      }
    }),
  );
  await Promise.all(lanes);
}

/** Shoppers read (and every third round add to) their carts until the attack is over. */
async function shopUntil(r: Run, shoppers: LabClient[], attack: Promise<unknown>): Promise<void> {
  let over = false;
  void attack.then(() => (over = true));
  for (let round = 0; !over; round++) await all(shoppers, (c, i) => (round % 3 === 2 ? c.addItem(r.skus[(i + round) % r.skus.length], 1) : c.getCart()));
}

/** The largest balancer RSS seen, sampled every 500 ms until `until` settles. */
async function sampleRss(r: Run, until: Promise<unknown>): Promise<number | null> {
  let over = false;
  void until.then(() => (over = true));
  let max: number | null = null;
  while (!over) {
    const kb = balancerRssKb((await r.topo.status()).balancer.pid);
    if (kb !== null) max = Math.max(max ?? 0, kb);
    await new Promise((res) => setTimeout(res, 500));
  }
  return max;
}

function shopperEntries(r: Run, shoppers: LabClient[], from: number, to: number): HistoryEntry[] {
  const names = new Set(shoppers.map((c) => c.name));
  return entriesOf(r.history).filter((e) => names.has(e.client) && e.startedAt >= from && e.startedAt <= to);
}

const latencies = (es: HistoryEntry[]) => es.map((e) => e.endedAt - e.startedAt);

function factsOf(shoppers: number, quiet: HistoryEntry[], during: HistoryEntry[], a: AttackResult, rssKb: number | null): HostileNeighbourFacts {
  const ok = during.filter((e) => e.outcome === 'ok');
  const quietP99 = percentile(latencies(quiet), 99);
  const attackP99 = percentile(latencies(during), 99);
  const floodRefused = a.flood.filter((e) => e.status === 429 || e.status === 503).length;
  return {
    shoppers,
    shopperRequests: during.length,
    shopperOk: ok.length,
    shopperOkPct: during.length ? Math.round((ok.length / during.length) * 1000) / 10 : 0,
    quietP99Ms: quietP99,
    attackP99Ms: attackP99,
    p99Ratio: quietP99 && attackP99 !== null ? Math.round((attackP99 / quietP99) * 10) / 10 : null,
    idle: a.idle,
    bodies: a.bodies,
    socketsConnected: a.socketsConnected,
    socketsRefused: a.socketsRefused,
    floodSent: a.flood.length,
    floodRefused,
    attackerRefused: refusals(a.idle.answered) + refusals(a.bodies.answered) + a.socketsRefused + floodRefused,
    balancerRssKb: rssKb,
    shopperFailures: during.filter((e) => e.outcome !== 'ok').map((e) => `${e.client} ${e.method} ${e.path} ${e.status ?? e.error}`),
  };
}

function noteOf(f: HostileNeighbourFacts): string {
  const rss = f.balancerRssKb === null ? 'balancer RSS unknown' : `balancer RSS ≤ ${Math.round(f.balancerRssKb / 1024)} MB`;
  return [
    `shoppers: ${f.shopperOk}/${f.shopperRequests} ok (${f.shopperOkPct} %, goal ≥ ${GOALS.shopperOkPct})`,
    `p99 ${f.attackP99Ms} ms vs ${f.quietP99Ms} ms quiet (×${f.p99Ratio ?? '?'}, goal ≤ ${GOALS.p99Ratio})`,
    `attacker refused ${f.attackerRefused} times (sockets ${f.socketsConnected} in, ${f.socketsRefused} refused; flood ${f.floodRefused}/${f.floodSent}; idle headers let go ${f.idle.closedByServer}/${f.idle.opened})`,
    rss,
  ].join('; ');
}
