// The claims the original sticky-sessions demo makes (its "when to use" table
// and the limits of ip_hash), each with the scenario that tests it and a
// verdict computed from the measured matrix rows. No row measured: `unknown`,
// never a pass. Claims are about nginx, so only nginx rows count, except the
// Sentinel claim: it is about the store, and reads every balancer's rows.
import { GOALS } from '../scenarios/hostile-neighbour';
import type { MatrixRow } from '../scenarios/types';
import { escapeHtml as esc } from './charts';
import { formatPct, formatSkew } from './format';
import { judgeSentinel } from './sentinel-claim';

export type ClaimVerdict = 'true' | 'false' | 'true-with-conditions' | 'unknown';

export interface ClaimResult {
  id: string;
  /** The claim as the demo states it. */
  claim: string;
  /** Scenario id and parameters that test it, e.g. `nat (ip-hash / memory, one /24)`. */
  tested_by: string;
  verdict: ClaimVerdict;
  /** One line with the number(s) the verdict stands on, or why it is unknown. */
  measured: string;
}

interface Find {
  scenario: string | RegExp;
  strategy?: string;
  store?: string;
  variant?: string;
}

/** `find` looks among nginx rows; `rows` is every row, for a claim about the store. */
type Judge = (find: (f: Find) => MatrixRow | undefined, rows: readonly MatrixRow[]) => { verdict: ClaimVerdict; measured: string };

interface ClaimSpec {
  id: string;
  claim: string;
  tested_by: string;
  judge: Judge;
}

const unknown = (why: string) => ({ verdict: 'unknown' as const, measured: why });
const notMeasured = (what: string) => unknown(`no ${what} row measured`);
const num = (v: number | 'unknown'): v is number => typeof v === 'number';
const lost = (r: MatrixRow) => `${formatPct(r.carts_lost_pct)} carts lost`;
const moved = (r: MatrixRow) => `${formatPct(r.clients_moved_pct)} clients moved`;

function failoverLine(r: MatrixRow): string {
  const f = r.failover!;
  return `${f.acked_adds_lost} of ${f.acked_adds} acknowledged adds lost, ${f.no_primary_ms === null ? 'no write failed' : `no primary for ${f.no_primary_ms} ms`}`;
}

/** Every replica-count question here is about the lab's 3 replicas: skew 3.00 = all on one. */
const ALL_ON_ONE = 2.99;

const CLAIMS: readonly ClaimSpec[] = [
  {
    id: 'in-memory-sessions',
    claim: 'In-memory sessions need sticky sessions',
    tested_by: 'steady-state (round-robin vs ip-hash / sticky-cookie, memory)',
    judge: (find) => {
      const rr = find({ scenario: 'steady-state', strategy: 'round-robin', store: 'memory' });
      const sticky = find({ scenario: 'steady-state', strategy: 'sticky-cookie', store: 'memory' }) ?? find({ scenario: 'steady-state', strategy: 'ip-hash', store: 'memory' });
      if (!rr || !sticky) return notMeasured('steady-state memory round-robin and affinity');
      if (!num(rr.carts_lost_pct) || !num(sticky.carts_lost_pct)) return unknown('the cart check saw no evidence');
      const line = `round-robin: ${lost(rr)}; ${sticky.strategy}: ${lost(sticky)}`;
      return { verdict: rr.carts_lost_pct > 0 && sticky.carts_lost_pct === 0 ? 'true' : 'false', measured: line };
    },
  },
  {
    id: 'shopping-carts',
    claim: 'Shopping carts need sticky sessions',
    tested_by: 'replica-killed (sticky-cookie / memory vs round-robin / redis)',
    judge: (find) => {
      const sticky = find({ scenario: 'replica-killed', strategy: 'sticky-cookie', store: 'memory' });
      const redis = find({ scenario: 'replica-killed', strategy: 'round-robin', store: 'redis' });
      if (!sticky || !redis) return notMeasured('replica-killed sticky-cookie/memory and round-robin/redis');
      if (!num(sticky.carts_lost_pct) || !num(redis.carts_lost_pct)) return unknown('the cart check saw no evidence');
      const line = `a replica killed: sticky memory ${lost(sticky)}, round-robin Redis ${lost(redis)}`;
      // Only while carts live in the process: a shared store needs no affinity and survives the kill.
      if (redis.carts_lost_pct === 0) return { verdict: 'true-with-conditions', measured: `${line} — only with a per-process store` };
      return { verdict: 'true', measured: line };
    },
  },
  {
    id: 'websockets',
    claim: 'WebSocket connections need sticky sessions',
    tested_by: 'live-transports (Socket.IO, polling-only vs WebSocket-only: round-robin vs affinity)',
    judge: (find) => {
      const rrPoll = find({ scenario: 'live-transports', strategy: 'round-robin', variant: 'polling' });
      const rrWs = find({ scenario: 'live-transports', strategy: 'round-robin', variant: 'websocket' });
      const sticky = find({ scenario: 'live-transports', strategy: 'sticky-cookie', variant: 'polling' }) ?? find({ scenario: 'live-transports', strategy: 'ip-hash', variant: 'polling' });
      if (!rrPoll || !rrWs || !sticky) return notMeasured('live-transports');
      const line = `round-robin: ${rrPoll.failed_requests} of ${rrPoll.clients} polling sockets broken, ${rrWs.failed_requests} of ${rrWs.clients} WebSocket-only; ${sticky.strategy} polling: ${sticky.failed_requests}`;
      if (rrPoll.failed_requests === 0) return { verdict: 'false', measured: line };
      if (sticky.failed_requests > 0) return { verdict: 'unknown', measured: `${line} (affinity did not help: see the row)` };
      // The long-polling handshake needs affinity; one WebSocket is one TCP connection and does not.
      return { verdict: rrWs.failed_requests === 0 ? 'true-with-conditions' : 'true', measured: line };
    },
  },
  {
    id: 'shared-store',
    claim: 'A shared store makes affinity unnecessary',
    tested_by: 'replica-killed (round-robin / redis) and redis-primary-killed (Sentinel, WAIT 0)',
    judge: (find) => {
      const replica = find({ scenario: 'replica-killed', strategy: 'round-robin', store: 'redis' });
      const store = find({ scenario: 'redis-primary-killed', variant: 'WAIT 0' });
      if (!replica || !store?.failover) return notMeasured('replica-killed round-robin/redis and redis-primary-killed WAIT 0');
      if (!num(replica.carts_lost_pct)) return unknown('the cart check saw no evidence');
      if (replica.carts_lost_pct > 0) return { verdict: 'false', measured: `a replica killed, round-robin Redis: ${lost(replica)}` };
      // Correct without affinity; what it costs is the store's own failure.
      return { verdict: 'true-with-conditions', measured: `a replica killed: round-robin Redis ${lost(replica)}; the store's primary killed: ${failoverLine(store)}` };
    },
  },
  {
    id: 'sentinel-keeps-carts',
    claim: 'Redis with Sentinel keeps every acknowledged cart',
    tested_by: 'redis-primary-killed and redis-primary-paused (WAIT 0/1, min-replicas-to-write 0/1)',
    judge: (_find, rows) => judgeSentinel(rows),
  },
  {
    id: 'file-uploads',
    claim: 'File uploads need sticky sessions',
    tested_by: 'none yet',
    judge: () => unknown('no scenario measures uploads'),
  },
  {
    id: 'per-user-caches',
    claim: 'Per-user caches need sticky sessions',
    tested_by: 'none yet',
    judge: () => unknown('no scenario measures per-user caches'),
  },
  {
    id: 'nat-collapse',
    claim: 'ip_hash: clients behind one NAT all land on one server',
    tested_by: 'nat (ip-hash / memory, one /24)',
    judge: (find) => {
      const r = find({ scenario: 'nat', strategy: 'ip-hash', variant: 'one /24' });
      if (!r) return notMeasured('nat ip-hash one /24');
      return { verdict: r.load_skew >= ALL_ON_ONE ? 'true' : 'false', measured: `${r.clients} clients of one /24: load skew ${formatSkew(r.load_skew)} (3.00 = all on one of 3)` };
    },
  },
  {
    id: 'ipv6-first-3-octets',
    claim: 'ip_hash uses only the first 3 octets of an IPv6 address',
    tested_by: 'ipv6-ip-hash (ip-hash, 30 clients in one /64)',
    judge: (find) => {
      const r = find({ scenario: 'ipv6-ip-hash', variant: 'IPv6: one /64' });
      if (!r) return unknown('no ipv6-ip-hash row in this run (test/lab/ipv6-ip-hash.test.ts measures it: docs/ipv6-ip-hash.json)');
      // 30 clients sharing their first 8 bytes: the claim predicts all on one replica.
      const verdict = r.load_skew >= ALL_ON_ONE ? 'true' : 'false';
      return { verdict, measured: `${r.clients} clients of one /64: load skew ${formatSkew(r.load_skew)} (${r.note ?? ''}); the whole address is hashed` };
    },
  },
  {
    id: 'membership-reassigns',
    claim: 'ip_hash: adding or removing servers reassigns clients',
    tested_by: 'scale-out and maintenance (ip-hash / memory, removed)',
    judge: (find) => {
      const add = find({ scenario: 'scale-out', strategy: 'ip-hash', store: 'memory' });
      const removed = find({ scenario: 'maintenance', strategy: 'ip-hash', variant: 'removed' });
      const down = find({ scenario: 'maintenance', strategy: 'ip-hash', variant: 'down' });
      if (!add || !num(add.clients_moved_pct)) return notMeasured('scale-out ip-hash');
      const parts = [`3 → 4: ${moved(add)}`, removed && `a server line removed: ${moved(removed)}`, down && `marked down instead: ${moved(down)}`];
      const verdict = add.clients_moved_pct > 0 ? (down ? 'true-with-conditions' : 'true') : 'false';
      return { verdict, measured: parts.filter(Boolean).join('; ') + (down ? ' — `down` keeps the slots' : '') };
    },
  },
  {
    id: 'restart-changes-assignments',
    claim: 'ip_hash has no persistence: an nginx restart may change assignments',
    tested_by: 'balancer-restart (nginx, a deterministic hash: consistent-hash or ip-hash)',
    judge: (find) => {
      const r = find({ scenario: 'balancer-restart', strategy: 'ip-hash', variant: 'restart' }) ?? find({ scenario: 'balancer-restart', strategy: 'consistent-hash', variant: 'restart' });
      if (!r || !num(r.clients_moved_pct)) return notMeasured('balancer-restart (nginx hash)');
      return { verdict: r.clients_moved_pct > 0 ? 'true' : 'false', measured: `${r.strategy}, after a restart: ${moved(r)} (a deterministic hash needs no memory)` };
    },
  },
  {
    id: 'one-client-takes-the-front-down',
    claim: 'One client cannot take the balancer down for everyone else',
    tested_by: 'hostile-neighbour (one address: idle half headers, half bodies, 500 WebSockets on one cookie, a flood; 20 shoppers from other /24s)',
    judge: (find) => {
      const r = find({ scenario: 'hostile-neighbour' });
      if (!r) return notMeasured('hostile-neighbour');
      const n = r.neighbour;
      if (!n || n.p99_ratio === null) return unknown('the hostile-neighbour row has no shopper latency');
      const line = `shoppers ${n.shoppers_ok_pct} % ok (goal ≥ ${GOALS.shopperOkPct}), p99 ×${n.p99_ratio} their quiet p99 (goal ≤ ${GOALS.p99Ratio}); the attacker refused ${n.attacker_refused} times`;
      return { verdict: n.shoppers_ok_pct >= GOALS.shopperOkPct && n.p99_ratio <= GOALS.p99Ratio ? 'true' : 'false', measured: line };
    },
  },
];

/** Each claim with its verdict over `rows` (nginx rows only). */
export function judgeClaims(rows: readonly MatrixRow[]): ClaimResult[] {
  const nginx = rows.filter((r) => (r.balancer ?? 'nginx') === 'nginx');
  const find = (f: Find) =>
    nginx.find(
      (r) =>
        (typeof f.scenario === 'string' ? r.scenario === f.scenario : f.scenario.test(r.scenario)) &&
        (!f.strategy || r.strategy === f.strategy) &&
        (!f.store || r.store === f.store) &&
        (!f.variant || r.variant === f.variant),
    );
  return CLAIMS.map(({ id, claim, tested_by, judge }) => ({ id, claim, tested_by, ...judge(find, rows) }));
}

const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The report's claims section, in markdown. */
export function claimsMarkdown(rows: readonly MatrixRow[]): string {
  const lines = judgeClaims(rows).map((c) => `| ${cell(c.claim)} | ${cell(c.tested_by)} | **${c.verdict}** | ${cell(c.measured)} |`);
  return ['## Claims', '', 'What the classic sticky-sessions advice says, against what this run measured. `unknown`: no row measured it.', '', '| claim | tested by | verdict | measured |', '|---|---|---|---|', ...lines, ''].join('\n');
}

/** The report's claims section, in HTML. */
export function claimsHtml(rows: readonly MatrixRow[]): string {
  const trs = judgeClaims(rows).map(
    (c) => `<tr><td>${esc(c.claim)}</td><td>${esc(c.tested_by)}</td><td class="verdict ${c.verdict}"><b>${c.verdict}</b></td><td>${esc(c.measured)}</td></tr>`,
  );
  return `<section class="claims"><h2>Claims</h2><p>What the classic sticky-sessions advice says, against what this run measured. <code>unknown</code>: no row measured it.</p><table><thead><tr><th>claim</th><th>tested by</th><th>verdict</th><th>measured</th></tr></thead><tbody>${trs.join('')}</tbody></table></section>`;
}
