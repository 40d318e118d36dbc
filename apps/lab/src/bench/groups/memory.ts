import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { waitFor } from '../../util/wait';
import { ChildServer } from '../child';
import { round, runLoad } from '../load';
import type { BenchContext, MemoryResult } from '../model';
import { createUsers, productSkus } from '../users';
import { GET_CART, postSteps, startReplica, withCleanup } from '../cases';
import { onGeneratorCores, pinServerProcesses } from '../pinning';

/** A first guess of how fast sessions are created; later counts use the measured rate. */
const GUESSED_SESSIONS_PER_S = 250;
const CREATORS = 10;
/** How long RSS may take to come back after the last session expired (V8's memory reducer needs idle seconds). */
const SETTLE_MS = { full: 20_000, quick: 5_000 };

/** Resident set size of a process, from the kernel rather than from the process itself. */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  if (!kib) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kib) * 1024;
}

interface Stats {
  sessions: number | null;
}

async function sessionsHeld(url: string): Promise<number> {
  const res = await fetch(`${url}/stats`, { signal: AbortSignal.timeout(5_000) });
  const stats = (await res.json()) as Stats;
  if (typeof stats.sessions !== 'number') throw new Error(`${url}/stats gives no session count`);
  return stats.sessions;
}

export async function memoryGroup(ctx: BenchContext): Promise<MemoryResult[]> {
  const results: MemoryResult[] = [];
  let rate = GUESSED_SESSIONS_PER_S;
  for (const count of ctx.profile.sessionCounts) {
    const result = await holdSessions(ctx, count, ttlFor(count, rate));
    rate = Math.max(50, count / result.create_s);
    results.push(result);
  }
  return results;
}

/** Long enough that the first session outlives the creation of the last, short enough to wait for. */
function ttlFor(count: number, sessionsPerS: number): number {
  return Math.max(6, Math.ceil((count / sessionsPerS) * 1.3) + 3);
}

async function holdSessions(ctx: BenchContext, count: number, ttl: number): Promise<MemoryResult> {
  return withCleanup(async (defer) => {
    const replica = await startReplica(ctx, { name: 'app1', store: 'memory', ttlSeconds: ttl });
    defer(() => replica.stop());
    const skus = await productSkus(replica.url);
    await warmUp(ctx, replica, skus[0]);
    const rssStart = rssOf(replica.pid);
    ctx.log(`  creating ${count} sessions with a 3-line cart (TTL ${ttl} s) …`);
    const before = await sessionsHeld(replica.url);
    const t0 = Date.now();
    // autocannon runs in the bench process: on the generator cores, so it does not take the replica's.
    await onGeneratorCores(ctx.pinning, () => createSessions(replica.url, skus, count));
    const createS = (Date.now() - t0) / 1000;
    const held = Math.max(0, (await sessionsHeld(replica.url)) - before);
    const rssHeld = rssOf(replica.pid);
    const perSession = held > 0 ? Math.round((rssHeld - rssStart) / held) : 0;
    ctx.log(`  ${held} sessions held, ${perSession} B/session; waiting for expiry …`);
    const t1 = Date.now();
    await waitFor(`${count} sessions to expire`, async () => (await sessionsHeld(replica.url)) === 0, {
      timeoutMs: (ttl + 60) * 1000,
      intervalMs: 1000,
    });
    const rssAfter = await settledRss(replica.pid, rssStart, SETTLE_MS[ctx.profile.mode]);
    ctx.log(`  expired after ${Math.round((Date.now() - t1) / 1000)} s; RSS ${mib(rssAfter)} MiB vs ${mib(rssStart)} MiB at start`);
    return {
      sessions: count,
      sessions_held: held,
      ttl_s: ttl,
      create_s: round(createS, 1),
      rss_start_bytes: rssStart,
      rss_held_bytes: rssHeld,
      bytes_per_session: perSession,
      rss_after_expiry_bytes: rssAfter,
      after_expiry_ratio: round(rssAfter / rssStart, 3),
      expiry_wait_s: round((Date.now() - t1) / 1000, 1),
      note: held < count ? `${count - held} sessions expired before creation finished` : undefined,
    };
  });
}

function mib(bytes: number): number {
  return round(bytes / 2 ** 20, 1);
}

const WARM_UP_USERS = 10;

/**
 * Runs the code paths of the measurement (cart writes and reads) until the
 * JIT and the heap reach their working size, on a handful of sessions, so
 * that the RSS growth measured next is the sessions' and not the warm-up's.
 */
async function warmUp(ctx: BenchContext, replica: ChildServer, sku: string): Promise<void> {
  const users = await createUsers(replica.url, WARM_UP_USERS);
  pinServerProcesses(ctx.pinning);
  const steps = [...GET_CART, ...postSteps(sku)];
  await runLoad(ctx.generator, { url: replica.url, steps, users }, { durationS: ctx.profile.durationS, warmupS: 0, rounds: 1 });
}

/**
 * Polls RSS with a bound: V8 gives memory back only after a major GC, which
 * its memory reducer runs once the process has gone idle.
 */
async function settledRss(pid: number, start: number, boundMs: number): Promise<number> {
  let last = rssOf(pid);
  try {
    await waitFor('RSS back within 10 % of its start', () => (last = rssOf(pid)) <= start * 1.1, {
      timeoutMs: boundMs,
      intervalMs: 500,
    });
  } catch {
    // Not back within the bound: report what it is.
  }
  return last;
}

/**
 * `count` sessions, each one POST without a cookie (creates the session)
 * followed by two POSTs with it: a 3-line cart. autocannon resets the
 * per-connection context at the end of each sequence, so each loop is a new user.
 */
async function createSessions(url: string, skus: string[], count: number): Promise<void> {
  type Ctx = { cookie?: string };
  const capture = (_status: number, _body: string, context: object, headers?: Record<string, unknown>) => {
    const setCookie = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'set-cookie')?.[1];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (typeof first === 'string') (context as Ctx).cookie = first.split(';')[0];
  };
  const withCookie = (req: autocannon.Request, context: object) => ({
    ...req,
    headers: { ...req.headers, cookie: (context as Ctx).cookie ?? '' },
  });
  const headers = { 'content-type': 'application/json' };
  const line = (i: number) => JSON.stringify({ sku: skus[i % skus.length], qty: 1 });
  const result = await autocannon({
    url,
    connections: CREATORS,
    amount: count * 3,
    timeout: 30,
    requests: [
      { method: 'POST', path: '/cart/items', headers, body: line(0), onResponse: capture },
      { method: 'POST', path: '/cart/items', headers, body: line(1), setupRequest: withCookie },
      { method: 'POST', path: '/cart/items', headers, body: line(2), setupRequest: withCookie },
    ],
  });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > count * 0.01) throw new Error(`creating sessions: ${failed} of ${count * 3} requests failed`);
}
