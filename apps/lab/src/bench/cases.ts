import { ChildServer } from './child';
import { LoadSpec, LoadStep, round, runInterleaved } from './load';
import type { BenchContext, CaseRow } from './model';
import type { Group } from './options';

export const GET_CART: LoadStep[] = [{ method: 'GET', path: '/cart' }];

/**
 * POSTs one unit of `sku` per request. A line holds at most 99, so the
 * sequence starts from an empty cart (1 request in 91 is that DELETE) and
 * every slice of a run starts it over.
 */
export function postSteps(sku: string): LoadStep[] {
  const add: LoadStep = { method: 'POST', path: '/cart/items', body: { sku, qty: 1 } };
  return [{ method: 'DELETE', path: '/cart' }, ...Array.from({ length: 90 }, () => add)];
}

export interface CaseSpec {
  row: { id: string; group: Group; label: string; note?: string };
  spec: LoadSpec;
}

/** Cases compared with each other are measured in turns, with the same settings. */
export async function measureTogether(ctx: BenchContext, cases: CaseSpec[]): Promise<CaseRow[]> {
  ctx.log(`  ${cases.map((c) => c.row.label).join(' | ')} …`);
  const { durationS, warmupS, rounds } = ctx.profile;
  const loads = await runInterleaved(
    cases.map((c) => c.spec),
    { durationS, warmupS, rounds },
  );
  return cases.map((c, i) => {
    const load = loads[i];
    ctx.log(`  ${c.row.label}: ${load.rps} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, errors ${load.errors}`);
    return { ...c.row, load };
  });
}

export async function measure(ctx: BenchContext, row: CaseSpec['row'], spec: LoadSpec): Promise<CaseRow> {
  const [result] = await measureTogether(ctx, [{ row, spec }]);
  return result;
}

/** Sets `row.ratio` to row req/s over `of` req/s. */
export function ratio(row: CaseRow, of: CaseRow | undefined): void {
  if (!of || of.load.rps <= 0) return;
  row.ratio = { value: round(row.load.rps / of.load.rps, 2), of: of.id };
}

/** A GET /cart inspector counting answers that still hold the user's cart. */
export function cartKeeper(): { inspect: (status: number, body: string) => void; share: () => number } {
  let seen = 0;
  let kept = 0;
  return {
    inspect: (status, body) => {
      if (status !== 200) return;
      seen++;
      if (!body.includes('"item_count":0')) kept++;
    },
    share: () => (seen ? round(kept / seen, 3) : 0),
  };
}

export interface ReplicaOptions {
  name?: string;
  store: 'memory' | 'redis';
  redisUrl?: string;
  ttlSeconds?: number;
  nodeArgs?: string[];
}

/** One cart-api replica from the build output, quiet, on a free loopback port. */
export function startReplica(ctx: BenchContext, o: ReplicaOptions): Promise<ChildServer> {
  const env: Record<string, string> = {
    APP_NAME: o.name ?? 'app1',
    SESSION_STORE: o.store,
    SESSION_SECRET: ctx.secret,
    LOG_LEVEL: 'silent',
    COOKIE_SECURE: 'false',
  };
  if (o.redisUrl) env.REDIS_URL = o.redisUrl;
  if (o.ttlSeconds) env.SESSION_TTL_SECONDS = String(o.ttlSeconds);
  return ChildServer.start({ script: ctx.paths.cartApi, env, readyPath: '/health/ready', nodeArgs: o.nodeArgs });
}

/** Runs `fn` with resources that are always released, in reverse order. */
export async function withCleanup<T>(fn: (defer: (f: () => Promise<unknown> | unknown) => void) => Promise<T>): Promise<T> {
  const stack: (() => Promise<unknown> | unknown)[] = [];
  try {
    return await fn((f) => stack.push(f));
  } finally {
    for (const f of stack.reverse()) await f();
  }
}
