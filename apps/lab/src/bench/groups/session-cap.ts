// What SESSION_MAX does to one replica with the memory store: sessions are
// created straight against the replica (nginx's per-address limit would
// refuse the flood first) until the cap, then a flood of further creation
// attempts must be refused with 503 while RSS stays at the cap's bound.
import autocannon from 'autocannon';
import { ChildServer } from '../child';
import { round } from '../load';
import type { BenchContext } from '../model';
import { productSkus } from '../users';
import { withCleanup } from '../cases';
import { rssOf } from './memory';

/** The attempts the issue asks about; scaled down when they would not fit the time budget. */
export const ASKED_ATTEMPTS = 1_000_000;
const SETTINGS = {
  full: { cap: 20_000, budgetS: 60 },
  quick: { cap: 1_000, budgetS: 5 },
} as const;
const CONNECTIONS = 10;
/** Attempts per autocannon run; the time budget is checked between runs (≈ 1–10 s each). */
const CHUNK = 1_000;
/** Sessions created before RSS is first read, so the JIT and the heap are warm; they count against the cap. */
const WARM_UP = 200;

export interface SessionCapResult {
  session_max: number;
  /** Creation attempts sent past the fill; `scaled` when fewer than ASKED_ATTEMPTS to fit the budget. */
  attempts: number;
  scaled: boolean;
  /** Sessions created by the warm-up; the fill then creates session_max − these. */
  warmup_sessions: number;
  created_201: number;
  refused_503: number;
  /** Anything else (errors, timeouts, other statuses): should be 0. */
  other: number;
  /** Sessions the replica reports at the end: at most session_max. */
  sessions_held: number;
  rss_start_bytes: number;
  rss_full_bytes: number;
  rss_end_bytes: number;
  bytes_per_session: number;
  /** (RSS start + (session_max − warm-up) × bytes_per_session) + 10 % for the heap's slack. */
  rss_bound_bytes: number;
  within_bound: boolean;
  fill_s: number;
  attempts_s: number;
  attempts_per_s: number;
  note: string;
}

export async function sessionCapGroup(ctx: BenchContext): Promise<SessionCapResult[]> {
  const { cap, budgetS } = SETTINGS[ctx.profile.mode];
  if (cap <= WARM_UP) throw new Error(`SESSION_MAX ${cap} must exceed the ${WARM_UP} warm-up sessions`);
  return withCleanup(async (defer) => {
    const replica = await startCapped(ctx, cap);
    defer(() => replica.stop());
    const sku = (await productSkus(replica.url))[0];
    const warm = await creations(replica.url, sku, WARM_UP);
    const rssStart = rssOf(replica.pid);
    ctx.log(`  filling to SESSION_MAX=${cap} …`);
    const fill = await creations(replica.url, sku, cap - warm.status[201]);
    const held = await sessionsHeld(replica.url);
    const rssFull = rssOf(replica.pid);
    const filled = held - warm.status[201];
    const perSession = filled > 0 ? Math.round((rssFull - rssStart) / filled) : 0;
    ctx.log(`  ${held} held, ${perSession} B/session; creation attempts for up to ${budgetS} s …`);
    const flood = await attemptsWithin(replica.url, sku, budgetS * 1000);
    const rssEnd = rssOf(replica.pid);
    const bound = Math.round((rssStart + (cap - warm.status[201]) * perSession) * 1.1);
    const result: SessionCapResult = {
      session_max: cap,
      attempts: flood.requests,
      scaled: flood.requests < ASKED_ATTEMPTS,
      warmup_sessions: warm.status[201],
      created_201: fill.status[201] + flood.status[201],
      refused_503: flood.status[503] + fill.status[503],
      other: fill.other + flood.other,
      sessions_held: await sessionsHeld(replica.url),
      rss_start_bytes: rssStart,
      rss_full_bytes: rssFull,
      rss_end_bytes: rssEnd,
      bytes_per_session: perSession,
      rss_bound_bytes: bound,
      fill_s: round(fill.seconds, 1),
      attempts_s: round(flood.seconds, 1),
      attempts_per_s: Math.round(flood.requests / Math.max(flood.seconds, 0.001)),
      within_bound: rssEnd <= bound,
      note: flood.requests < ASKED_ATTEMPTS ? `scaled: ${flood.requests} of ${ASKED_ATTEMPTS} attempts fit ${budgetS} s` : `all ${ASKED_ATTEMPTS} attempts`,
    };
    ctx.log(`  201 ×${result.created_201}, 503 ×${result.refused_503}, other ×${result.other}; RSS ${mib(rssEnd)} MiB (bound ${mib(bound)} MiB)`);
    return [result];
  });
}

/** One replica from the build output with the memory store, a TTL longer than the run, and the cap under test. */
function startCapped(ctx: BenchContext, cap: number): Promise<ChildServer> {
  const env = {
    APP_NAME: 'app1',
    SESSION_STORE: 'memory',
    SESSION_SECRET: ctx.secret,
    SESSION_MAX: String(cap),
    SESSION_TTL_SECONDS: '3600',
    LOG_LEVEL: 'silent',
    COOKIE_SECURE: 'false',
  };
  return ChildServer.start({ script: ctx.paths.cartApi, env, readyPath: '/health/ready' });
}

interface Creations {
  requests: number;
  seconds: number;
  status: Record<201 | 503, number>;
  other: number;
}

/**
 * Creation attempts in chunks until ASKED_ATTEMPTS or the time budget is
 * spent: the rate at the cap is not the rate below it, so the count cannot
 * be planned from the fill.
 */
async function attemptsWithin(url: string, sku: string, budgetMs: number): Promise<Creations> {
  const total: Creations = { requests: 0, seconds: 0, status: { 201: 0, 503: 0 }, other: 0 };
  const t0 = Date.now();
  while (total.requests < ASKED_ATTEMPTS && Date.now() - t0 < budgetMs) {
    const chunk = await creations(url, sku, Math.min(CHUNK, ASKED_ATTEMPTS - total.requests));
    total.requests += chunk.requests;
    total.status[201] += chunk.status[201];
    total.status[503] += chunk.status[503];
    total.other += chunk.other;
  }
  total.seconds = (Date.now() - t0) / 1000;
  return total;
}

/** `count` cookie-less POSTs, each asking for a new session with a one-line cart. */
async function creations(url: string, sku: string, count: number): Promise<Creations> {
  const t0 = Date.now();
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    amount: count,
    timeout: 30,
    requests: [{ method: 'POST', path: '/cart/items', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sku, qty: 1 }) }],
  });
  const seconds = (Date.now() - t0) / 1000;
  const codes = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const n = (code: number) => codes[String(code)]?.count ?? 0;
  const answered = Object.values(codes).reduce((sum, s) => sum + s.count, 0);
  const status = { 201: n(201), 503: n(503) };
  return { requests: count, seconds, status, other: count - status[201] - status[503] + Math.max(0, answered - count) };
}

async function sessionsHeld(url: string): Promise<number> {
  const res = await fetch(`${url}/stats`, { signal: AbortSignal.timeout(5_000) });
  const stats = (await res.json()) as { sessions?: unknown };
  if (typeof stats.sessions !== 'number') throw new Error(`${url}/stats gives no session count`);
  return stats.sessions;
}

const mib = (bytes: number) => round(bytes / 2 ** 20, 1);

/** The rows the bench prints: what the cap did, and the memory it held to. */
export function renderSessionCap(rows: readonly SessionCapResult[]): string[][] {
  return rows.map((r) => [
    String(r.session_max),
    `${r.attempts}${r.scaled ? ' (scaled)' : ''}`,
    String(r.created_201),
    String(r.refused_503),
    String(r.other),
    String(r.sessions_held),
    String(r.bytes_per_session),
    `${mib(r.rss_end_bytes)} / ${mib(r.rss_bound_bytes)}${r.within_bound ? '' : ' (over)'}`,
    `${r.attempts_s} s (${r.attempts_per_s}/s)`,
  ]);
}

export const SESSION_CAP_HEADER = ['SESSION_MAX (memory, 1-line cart)', 'attempts', '201', '503', 'other', 'held', 'B/session', 'RSS end / bound MiB', 'attempts took'];
