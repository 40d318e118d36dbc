import autocannon from 'autocannon';
import type { IncomingHttpHeaders } from 'node:http';
import { serverCpuMs } from './cpu';

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
  /** Processes (with their children) whose CPU this case costs; default every server the bench started. */
  cpuPids?: number[];
  /** Called with every measured response body; lets a case count e.g. carts that were found. */
  inspect?: (status: number, body: string) => void;
}

export interface Timing {
  durationS: number;
  warmupS: number;
  /** The measured time is split in this many slices, the specs taking turns. */
  rounds: number;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  /** The errors by kind: an HTTP status, or `connection` (reset, refused, timeout). */
  error_kinds: Record<string, number>;
  requests: number;
  durationS: number;
  connections: number;
  /** CPU time of the server processes (every process the bench started) per request, in µs. */
  server_cpu_us_per_req: number;
}

interface RunTotals {
  latencies: number[];
  completed: number;
  errors: Record<string, number>;
  wallS: number;
  serverCpuMs: number;
}

const emptyTotals = (): RunTotals => ({ latencies: [], completed: 0, errors: {}, wallS: 0, serverCpuMs: 0 });

function countError(t: RunTotals, kind: string): void {
  t.errors[kind] = (t.errors[kind] ?? 0) + 1;
}

/**
 * Measures several cases that are to be compared: each is warmed up, then
 * they take turns in short slices, so a burst of unrelated load on a shared
 * machine hits all of them alike instead of skewing one.
 */
export async function runInterleaved(specs: LoadSpec[], t: Timing): Promise<LoadResult[]> {
  const users = specs.map((s) => (s.cookies?.length ? s.cookies : Array.from({ length: s.connections ?? 8 }, () => '')));
  const totals = specs.map(emptyTotals);
  if (t.warmupS > 0) {
    for (const [i, spec] of specs.entries()) await runSlice(spec, users[i], t.warmupS, undefined);
  }
  const slice = t.durationS / t.rounds;
  for (let round = 0; round < t.rounds; round++) {
    for (const [i, spec] of specs.entries()) await runSlice(spec, users[i], slice, totals[i]);
  }
  return totals.map((tot, i) => summarize(tot, users[i].length));
}

export async function runLoad(spec: LoadSpec, t: Timing): Promise<LoadResult> {
  const [result] = await runInterleaved([spec], t);
  return result;
}

/** `totals` undefined: a warm-up, nothing recorded. */
async function runSlice(spec: LoadSpec, users: string[], durationS: number, totals: RunTotals | undefined): Promise<void> {
  const sink = totals ?? emptyTotals();
  const cpu0 = serverCpuMs(spec.cpuPids);
  const started = process.hrtime.bigint();
  await Promise.all(users.map((cookie) => oneConnection(spec, cookie, durationS, sink, !!totals)));
  sink.wallS += Number(process.hrtime.bigint() - started) / 1e9;
  sink.serverCpuMs += serverCpuMs(spec.cpuPids) - cpu0;
}

/**
 * Every connection is a separate autocannon instance with connections: 1, so
 * that it can carry its own cookie through a whole request sequence
 * (autocannon's per-client headers only touch the current step).
 */
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
      if (status < 200 || status > 299) countError(totals, String(status));
      totals.latencies.push(ms);
    });
    instance.on('reqError', () => countError(totals, 'connection'));
  });
}

function summarize(t: RunTotals, connections: number): LoadResult {
  const sorted = Float64Array.from(t.latencies).sort();
  return {
    rps: round(t.completed / t.wallS, 0),
    p50: round(percentile(sorted, 0.5), 2),
    p99: round(percentile(sorted, 0.99), 2),
    errors: Object.values(t.errors).reduce((a, b) => a + b, 0),
    error_kinds: t.errors,
    requests: t.completed,
    durationS: round(t.wallS, 2),
    connections,
    server_cpu_us_per_req: t.completed ? round((t.serverCpuMs * 1000) / t.completed, 0) : 0,
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
