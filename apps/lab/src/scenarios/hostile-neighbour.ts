// One hostile address runs every single-client attack at once against the
// balancer (idle half headers, half bodies, hundreds of WebSockets on one
// session cookie, a request flood) while 20 shoppers, each on its own /24,
// keep shopping. What the shoppers get is measured against a quiet baseline
// of the same shoppers just before the attack.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { clientRoute, entriesOf, HistoryEntry, LabClient, userAddress } from '../client';
import { repoRoot } from '../topology/paths';
import { ATTACK, AttackOptions, AttackResult, HeldTally, refusals } from './attacker';
import { balancerRssKb } from './balancer-rss';
import { all, closeAll, fill, makeClients, Run, runScenario, unmovedRow } from './harness';
import { percentile } from './live-client';
import type { RunOptions, ScenarioParams, ScenarioResult } from './types';

export const ID = 'hostile-neighbour';

export { ATTACK };
/** Over twice both balancers' header/body timeouts (5 s, from accept), so their letting go shows on a busy machine too. */
export const ATTACK_MS = 12_000;
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
    try {
      await fill(r, shoppers);
      const quietFrom = Date.now();
      for (let i = 0; i < QUIET_ROUNDS; i++) await all(shoppers, (c) => c.getCart());
      const quiet = shopperEntries(r, shoppers, quietFrom, Date.now());
      const attackFrom = Date.now();
      const route = clientRoute(r.topo.url, ATTACKER);
      const attack = runAttacker({ baseUrl: route.baseUrl, sourceAddress: route.sourceAddress ?? ATTACKER, sku: r.skus[0], holdMs: ATTACK_MS });
      const rss = sampleRss(r, attack);
      await shopUntil(r, shoppers, attack);
      const a = await attack;
      const during = shopperEntries(r, shoppers, attackFrom, Date.now());
      const facts = factsOf(shoppers.length, quiet, during, a, await rss);
      const neighbour = { shoppers_ok_pct: facts.shopperOkPct, p99_ratio: facts.p99Ratio, attacker_refused: facts.attackerRefused, balancer_rss_kb: facts.balancerRssKb };
      const row = { ...unmovedRow(ID, r, { clients: shoppers.length, history: during, note: noteOf(facts) }), neighbour };
      return { rows: [row], facts };
    } finally {
      closeAll(shoppers);
    }
  });
}

/** Runs the attack in its own process (attacker-main.ts, built) and resolves with its result. */
function runAttacker(o: AttackOptions): Promise<AttackResult> {
  const script = join(repoRoot(), 'dist/apps/lab/scenarios/attacker-main.js');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, JSON.stringify(o)], { timeout: o.holdMs * 2 + 30_000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`attacker failed: ${err.message} ${stderr.slice(-500)}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop()!) as AttackResult);
      } catch {
        reject(new Error(`attacker answered no result: ${stdout.slice(-300)} ${stderr.slice(-300)}`));
      }
    });
  });
}

/** Shoppers read (and every third round add to) their carts until the attack is over. */
async function shopUntil(r: Run, shoppers: LabClient[], attack: Promise<unknown>): Promise<void> {
  let over = false;
  const end = () => (over = true);
  // A failed attack ends the shopping too (the run then fails with its error).
  void attack.then(end, end);
  for (let round = 0; !over; round++) await all(shoppers, (c, i) => (round % 3 === 2 ? c.addItem(r.skus[(i + round) % r.skus.length], 1) : c.getCart()));
}

/** The largest balancer RSS seen, sampled every 500 ms until `until` settles. */
async function sampleRss(r: Run, until: Promise<unknown>): Promise<number | null> {
  let over = false;
  const end = () => (over = true);
  void until.then(end, end);
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
  const floodRefused = refusals(a.floodAnswered);
  return {
    shoppers,
    shopperRequests: during.length,
    shopperOk: ok.length,
    shopperOkPct: during.length ? Math.round((ok.length / during.length) * 1000) / 10 : 0,
    quietP99Ms: quietP99 === null ? null : Math.round(quietP99),
    attackP99Ms: attackP99 === null ? null : Math.round(attackP99),
    p99Ratio: quietP99 && attackP99 !== null ? Math.round((attackP99 / quietP99) * 10) / 10 : null,
    idle: a.idle,
    bodies: a.bodies,
    socketsConnected: a.socketsConnected,
    socketsRefused: a.socketsRefused,
    floodSent: a.floodSent,
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
    `attacker refused ${f.attackerRefused} times (sockets ${f.socketsConnected} in, ${f.socketsRefused} refused; flood ${f.floodRefused}/${f.floodSent}; held connections let go: half headers ${f.idle.closedByServer}/${f.idle.opened}, half bodies ${f.bodies.letGo}/${f.bodies.opened}, ${f.bodies.closedByServer} of them closed)`,
    rss,
  ].join('; ');
}
