import { cpuMsByPart, serverCpuMs } from './cpu';
import type { Generator } from './generator/pool';
import type { BenchUser, LoadStep, SliceResult, UserTally } from './generator/protocol';

export type { BenchUser, LoadStep } from './generator/protocol';

export interface LoadSpec {
  url: string;
  steps: LoadStep[];
  /** Each user is one keep-alive connection from its own address, with its own cookies. */
  users: BenchUser[];
  /** Processes (with their children) whose CPU this case costs; default every server the bench started. */
  cpuPids?: number[];
  /** The serving processes by part (`app1`, `nginx`, `redis`): the row then says which part its CPU per request went to. */
  cpuParts?: Record<string, number[]>;
  /** Count, per user, the `GET /cart` answers that still held the user's cart. */
  inspectCart?: boolean;
  /** Requests each replica counted so far; read after warm-up and after the last slice. */
  replicaCounts?: () => Promise<Record<string, number>>;
}

export interface Timing {
  durationS: number;
  warmupS: number;
  /** The measured time is split in this many slices, the specs taking turns. */
  rounds: number;
}

export interface CartKept {
  /** Per user: share of its reads that found its cart (null: it read nothing). */
  per_user: (number | null)[];
  /** Mean of the per-user shares; null when no user read (no evidence either way). */
  mean: number | null;
  /** Share of users whose every read found the cart; null when no user read. */
  users_always_kept: number | null;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  /** The errors by kind: an HTTP status, `connection` (reset, refused) or `timeout`. */
  error_kinds: Record<string, number>;
  requests: number;
  durationS: number;
  users: number;
  /** CPU time of the server processes (replicas, nginx, redis) per request, in µs: the headline figure. */
  server_cpu_us_per_req: number;
  /** The load generator's own CPU per request, in µs. */
  generator_cpu_us_per_req: number;
  /** Share of its processes' time the generator was on a CPU: near 1 means the generator, not the server, set the pace. */
  generator_busy: number;
  /** Share of its processes' time the generator was ready but waited for a CPU (other work on its cores); null when unknown. */
  generator_cpu_wait: number | null;
  /** Requests each replica served during the measured slices (from the replicas' own counters). */
  replica_requests?: Record<string, number>;
  /** Server CPU µs per request of each measured slice, in order: the row's spread over repeated windows. */
  server_cpu_slices?: number[];
  /** p99 latency (ms) of each measured slice, in order: the spread of the tail over the same windows. */
  p99_slices?: number[];
  /** Server CPU µs per request of the whole row, split by the spec's parts (replicas, balancer, redis). */
  server_cpu_by_part?: Record<string, number>;
  /** Busiest replica's requests over the mean: 1 is an even spread, 3 is everything on one of 3. */
  skew?: number;
  cart?: CartKept;
}

interface RunTotals {
  latencies: Float64Array[];
  completed: number;
  errors: Record<string, number>;
  wallS: number;
  serverCpuMs: number;
  sliceCpuUsPerReq: number[];
  sliceP99Ms: number[];
  partCpuMs: Record<string, number>;
  generatorCpuUs: number;
  /** null once any slice could not tell. */
  generatorWaitUs: number | null;
  generatorWallS: number;
  tallies: UserTally[];
}

const emptyTotals = (users: number): RunTotals => ({
  latencies: [],
  completed: 0,
  errors: {},
  wallS: 0,
  serverCpuMs: 0,
  sliceCpuUsPerReq: [],
  sliceP99Ms: [],
  partCpuMs: {},
  generatorCpuUs: 0,
  generatorWaitUs: 0,
  generatorWallS: 0,
  tallies: Array.from({ length: users }, () => ({ reads: 0, kept: 0 })),
});

/**
 * Measures several cases that are to be compared: each is warmed up, then
 * they take turns in short slices, so a burst of unrelated load on a shared
 * machine hits all of them alike instead of skewing one.
 */
export async function runInterleaved(gen: Generator, specs: LoadSpec[], t: Timing): Promise<LoadResult[]> {
  const users = specs.map((s) => s.users.map((u) => ({ ...u })));
  const totals = specs.map((s) => emptyTotals(s.users.length));
  if (t.warmupS > 0) {
    for (const [i, spec] of specs.entries()) users[i] = (await runSlice(gen, spec, users[i], t.warmupS, undefined)).users;
  }
  const before = await Promise.all(specs.map((s) => s.replicaCounts?.()));
  const slice = t.durationS / t.rounds;
  for (let round = 0; round < t.rounds; round++) {
    for (const [i, spec] of specs.entries()) users[i] = (await runSlice(gen, spec, users[i], slice, totals[i])).users;
  }
  const after = await Promise.all(specs.map((s) => s.replicaCounts?.()));
  return totals.map((tot, i) => ({
    ...summarize(tot, users[i].length, gen.processes),
    ...spread(before[i], after[i]),
    ...(specs[i].inspectCart ? { cart: cartKept(tot.tallies) } : {}),
  }));
}

export async function runLoad(gen: Generator, spec: LoadSpec, t: Timing): Promise<LoadResult> {
  const [result] = await runInterleaved(gen, [spec], t);
  return result;
}

/** `totals` undefined: a warm-up, nothing recorded. */
async function runSlice(gen: Generator, spec: LoadSpec, users: BenchUser[], durationS: number, totals: RunTotals | undefined): Promise<SliceResult> {
  const cpu0 = serverCpuMs(spec.cpuPids);
  const parts0 = spec.cpuParts && totals ? cpuMsByPart(spec.cpuParts) : undefined;
  const started = process.hrtime.bigint();
  const r = await gen.run({ url: spec.url, steps: spec.steps, users, durationS, inspectCart: !!spec.inspectCart });
  if (!totals) return r;
  totals.wallS += Number(process.hrtime.bigint() - started) / 1e9;
  const cpuMs = serverCpuMs(spec.cpuPids) - cpu0;
  totals.serverCpuMs += cpuMs;
  if (parts0) for (const [k, v] of Object.entries(cpuMsByPart(spec.cpuParts!))) totals.partCpuMs[k] = (totals.partCpuMs[k] ?? 0) + v - (parts0[k] ?? 0);
  if (r.completed > 0) {
    totals.sliceCpuUsPerReq.push(round((cpuMs * 1000) / r.completed, 0));
    totals.sliceP99Ms.push(round(percentile(Float64Array.from(r.latenciesMs).sort(), 0.99), 2));
  }
  totals.latencies.push(r.latenciesMs);
  totals.completed += r.completed;
  for (const [k, v] of Object.entries(r.errors)) totals.errors[k] = (totals.errors[k] ?? 0) + v;
  totals.generatorCpuUs += r.cpuUs;
  totals.generatorWaitUs = totals.generatorWaitUs === null || r.waitUs === null ? null : totals.generatorWaitUs + r.waitUs;
  totals.generatorWallS += r.wallS;
  r.tallies.forEach((t, j) => {
    totals.tallies[j].reads += t.reads;
    totals.tallies[j].kept += t.kept;
  });
  return r;
}

function summarize(t: RunTotals, users: number, generatorProcesses: number): LoadResult {
  const sorted = concat(t.latencies).sort();
  const perReq = (us: number) => (t.completed ? round(us / t.completed, 0) : 0);
  return {
    rps: t.wallS ? round(t.completed / t.wallS, 0) : 0,
    p50: round(percentile(sorted, 0.5), 2),
    p99: round(percentile(sorted, 0.99), 2),
    errors: Object.values(t.errors).reduce((a, b) => a + b, 0),
    error_kinds: t.errors,
    requests: t.completed,
    durationS: round(t.wallS, 2),
    users,
    server_cpu_us_per_req: perReq(t.serverCpuMs * 1000),
    generator_cpu_us_per_req: perReq(t.generatorCpuUs),
    server_cpu_slices: t.sliceCpuUsPerReq,
    p99_slices: t.sliceP99Ms,
    ...(Object.keys(t.partCpuMs).length ? { server_cpu_by_part: Object.fromEntries(Object.entries(t.partCpuMs).map(([k, ms]) => [k, perReq(ms * 1000)])) } : {}),
    generator_busy: t.generatorWallS ? round(t.generatorCpuUs / 1e6 / (t.generatorWallS * generatorProcesses), 2) : 0,
    generator_cpu_wait:
      t.generatorWallS && t.generatorWaitUs !== null ? round(t.generatorWaitUs / 1e6 / (t.generatorWallS * generatorProcesses), 2) : null,
  };
}

function concat(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Per-replica requests between two counter readings, and the skew they show. */
export function spread(before?: Record<string, number>, after?: Record<string, number>): Pick<LoadResult, 'replica_requests' | 'skew'> {
  if (!before || !after) return {};
  const counts = Object.fromEntries(Object.keys(after).map((k) => [k, Math.max(0, after[k] - (before[k] ?? 0))]));
  const values = Object.values(counts);
  const mean = values.reduce((a, b) => a + b, 0) / (values.length || 1);
  return { replica_requests: counts, ...(mean > 0 ? { skew: round(Math.max(...values) / mean, 2) } : {}) };
}

export function cartKept(tallies: UserTally[]): CartKept {
  const perUser = tallies.map((t) => (t.reads ? round(t.kept / t.reads, 3) : null));
  const read = perUser.filter((x): x is number => x !== null);
  return {
    per_user: perUser,
    mean: read.length ? round(read.reduce((a, b) => a + b, 0) / read.length, 3) : null,
    users_always_kept: read.length ? round(read.filter((x) => x === 1).length / read.length, 3) : null,
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
