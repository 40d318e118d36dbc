import autocannon from 'autocannon';
import type { IncomingHttpHeaders } from 'node:http';

/** One request of the sequence each connection repeats. */
export interface LoadStep {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
}

export interface LoadSpec {
  url: string;
  steps: LoadStep[];
  /** One connection per cookie, so each connection is its own user; else `connections` anonymous ones. */
  cookies?: string[];
  connections?: number;
  durationS: number;
  warmupS: number;
  /** Called with every response body; lets a case count e.g. carts that were found. */
  inspect?: (status: number, body: string) => void;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  requests: number;
  durationS: number;
  connections: number;
}

interface RunTotals {
  latencies: number[];
  completed: number;
  errors: number;
  wallS: number;
}

/**
 * Warm-up, then the measured run. Every connection is a separate autocannon
 * instance with connections: 1 so that it can carry its own cookie through a
 * whole request sequence (autocannon's per-client headers only touch one step).
 */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const users = spec.cookies?.length ? spec.cookies : Array.from({ length: spec.connections ?? 8 }, () => '');
  if (spec.warmupS > 0) await runOnce(spec, users, spec.warmupS, false);
  const totals = await runOnce(spec, users, spec.durationS, true);
  return summarize(totals, users.length);
}

async function runOnce(spec: LoadSpec, users: string[], durationS: number, inspect: boolean): Promise<RunTotals> {
  const totals: RunTotals = { latencies: [], completed: 0, errors: 0, wallS: 0 };
  const started = process.hrtime.bigint();
  await Promise.all(users.map((cookie) => oneConnection(spec, cookie, durationS, totals, inspect)));
  totals.wallS = Number(process.hrtime.bigint() - started) / 1e9;
  return totals;
}

function oneConnection(
  spec: LoadSpec,
  cookie: string,
  durationS: number,
  totals: RunTotals,
  inspect: boolean,
): Promise<void> {
  const headers: IncomingHttpHeaders = { 'content-type': 'application/json' };
  if (cookie) headers.cookie = cookie;
  const onResponse = inspect && spec.inspect ? (status: number, body: string) => spec.inspect?.(status, body) : undefined;
  const requests: autocannon.Request[] = spec.steps.map((s) => ({
    method: s.method,
    path: s.path,
    headers,
    body: s.body === undefined ? undefined : JSON.stringify(s.body),
    onResponse,
  }));
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: spec.url, connections: 1, duration: durationS, timeout: 10, requests, skipAggregateResult: true },
      (err) => (err ? reject(err) : resolve()),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      totals.completed++;
      if (status < 200 || status > 299) totals.errors++;
      totals.latencies.push(ms);
    });
    instance.on('reqError', () => totals.errors++);
  });
}

function summarize(t: RunTotals, connections: number): LoadResult {
  const sorted = Float64Array.from(t.latencies).sort();
  return {
    rps: round(t.completed / t.wallS, 0),
    p50: round(percentile(sorted, 0.5), 2),
    p99: round(percentile(sorted, 0.99), 2),
    errors: t.errors,
    requests: t.completed,
    durationS: round(t.wallS, 2),
    connections,
  };
}

export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return 0;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[idx];
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
