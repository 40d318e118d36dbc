import { ChildServer } from './child';
import { LoadSpec, LoadStep, round, runInterleaved } from './load';
import type { BenchContext, CaseRow } from './model';
import type { Group } from './options';
import { pinServerProcesses } from './pinning';
import { spreadOf } from './steady';

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
export async function measureTogether(ctx: BenchContext, cases: CaseSpec[], warmupS = ctx.profile.warmupS): Promise<CaseRow[]> {
  ctx.log(`  ${cases.map((c) => c.row.label).join(' | ')} …`);
  const { durationS, rounds } = ctx.profile;
  pinServerProcesses(ctx.pinning);
  const loads = await runInterleaved(
    ctx.generator,
    cases.map((c) => c.spec),
    { durationS, warmupS, rounds },
  );
  return cases.map((c, i) => {
    const load = loads[i];
    const skew = load.skew === undefined ? '' : `, skew ${load.skew}`;
    ctx.log(
      `  ${c.row.label}: ${load.server_cpu_us_per_req} µs CPU/req, ${load.rps} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, ` +
        `errors ${load.errors}, generator busy ${load.generator_busy}${skew}`,
    );
    const row: CaseRow = { ...c.row, load };
    if (load.cart) row.cart_kept = load.cart.mean;
    const spread = spreadOf(load.server_cpu_slices ?? []);
    if (spread) row.cpu_spread = spread;
    const tail = spreadOf(load.p99_slices ?? []);
    if (tail) row.p99_spread = tail;
    return row;
  });
}

export async function measure(ctx: BenchContext, row: CaseSpec['row'], spec: LoadSpec, warmupS?: number): Promise<CaseRow> {
  const [result] = await measureTogether(ctx, [{ row, spec }], warmupS);
  return result;
}

/** Sets `row.ratio`: row req/s and server CPU per request over `of`'s, measured in the same run. */
export function ratio(row: CaseRow, of: CaseRow | undefined): void {
  if (!of || of.load.rps <= 0) return;
  const cpu = of.load.server_cpu_us_per_req > 0 ? round(row.load.server_cpu_us_per_req / of.load.server_cpu_us_per_req, 2) : null;
  row.ratio = { of: of.id, rps: round(row.load.rps / of.load.rps, 2), cpu };
}

export interface ReplicaOptions {
  name?: string;
  store: 'memory' | 'redis';
  redisUrl?: string;
  ttlSeconds?: number;
  nodeArgs?: string[];
  /** More cart-api environment, e.g. METRICS=off or REDIS_SENTINELS. */
  env?: Record<string, string>;
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
  Object.assign(env, o.env);
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
