import { round } from './load';
import type { LogWriterResult } from './groups/log-writer';
import type { BootResult, CaseRow, MemoryResult, Target } from './model';

const KIB = 1024;

/**
 * A row is evidence for a target only if every request of it succeeded: a
 * case answered partly by 429s or resets measured something else (a limiter,
 * a failure path), so its target reads "not measured", never "met".
 */
function rowById(rows: CaseRow[], id: string): CaseRow | undefined {
  return rows.find((r) => r.id === id && r.load.errors === 0);
}

function rpsRatio(a?: CaseRow, b?: CaseRow): number | null {
  return a && b && b.load.rps > 0 ? round(a.load.rps / b.load.rps, 3) : null;
}

/** Server CPU per request of b over a: the throughput ratio a CPU-bound server would reach alone, noise-free. */
function cpuRatio(a?: CaseRow, b?: CaseRow): number | null {
  return a && b && a.load.server_cpu_us_per_req > 0 ? round(b.load.server_cpu_us_per_req / a.load.server_cpu_us_per_req, 3) : null;
}

function p99Ratio(a?: CaseRow, b?: CaseRow): number | null {
  return a && b && b.load.p99 > 0 ? round(a.load.p99 / b.load.p99, 3) : null;
}

/** The targets of the benchmark issues, each met or not, from figures of this run. */
export function evaluateTargets(rows: CaseRow[], boot: BootResult[], memory: MemoryResult[], log?: LogWriterResult): Target[] {
  return [generatorHeadroom(rows), apiVsPeer(rows), redisVsMemory(rows), nginxHop(rows), labBoot(boot), sessionMemory(memory), metricsCost(rows), logWriter(log)];
}

/** GET /cart of one replica with its Prometheus metrics on, over the same with METRICS=off, measured in turns. */
function metricsCost(rows: CaseRow[]): Target {
  const value = cpuRatio(rowById(rows, 'direct.memory.get.metrics-off'), rowById(rows, 'direct.memory.get'));
  return { name: 'cart-api GET /cart with /metrics on vs METRICS=off (server CPU per request ratio)', value, goal: '<= 1.03', met: value !== null && value <= 1.03 };
}

function logWriter(log?: LogWriterResult): Target {
  const value = log?.ratio ?? null;
  return {
    name: 'pino vs the hand-written JSON log writer (CPU per request log line ratio)',
    value,
    goal: '<= 1.0',
    met: value !== null && value <= 1.0,
    detail: { pino_us_per_line: log?.pino_us_per_line ?? null, json_us_per_line: log?.json_us_per_line ?? null },
  };
}

/** The busiest the generator was on any row but the ceiling's (which is meant to push it). */
function busiestGenerator(rows: CaseRow[]): number | null {
  const busy = rows.filter((r) => r.group !== 'ceiling').map((r) => r.load.generator_busy);
  return busy.length ? Math.max(...busy) : null;
}

/**
 * The same generator served the minimal responder this many times faster than
 * cart-api: had it been the bottleneck, both would come out alike.
 */
function generatorHeadroom(rows: CaseRow[]): Target {
  const ceiling = rowById(rows, 'ceiling.direct');
  const api = rowById(rows, 'direct.memory.get') ?? rowById(rows, 'nginx.one.direct');
  const value = rpsRatio(ceiling, api);
  const busiest = busiestGenerator(rows);
  return {
    name: 'generator headroom: ceiling req/s over cart-api GET /cart req/s (generator busy share on other rows in detail)',
    value,
    goal: '>= 2 and generator busy <= 0.8',
    met: value !== null && value >= 2 && busiest !== null && busiest <= 0.8,
    detail: { generator_busy_max: busiest, ceiling_generator_busy: ceiling?.load.generator_busy ?? null },
  };
}

function apiVsPeer(rows: CaseRow[]): Target {
  const api = rowById(rows, 'direct.memory.get');
  const peer = rowById(rows, 'peer.get');
  const value = cpuRatio(peer, api);
  return {
    name: 'cart-api GET /cart direct vs peer Express (server CPU per request ratio)',
    value,
    goal: '<= 1.0',
    met: value !== null && value <= 1.0,
    detail: { rps_ratio: rpsRatio(api, peer) },
  };
}

function redisVsMemory(rows: CaseRow[]): Target {
  const redis = rowById(rows, 'direct.redis.get');
  const memory = rowById(rows, 'direct.memory.get');
  const value = cpuRatio(memory, redis);
  const p99 = p99Ratio(redis, memory);
  const [rPost, mPost] = [rowById(rows, 'direct.redis.post'), rowById(rows, 'direct.memory.post')];
  return {
    name: 'redis store vs memory store, GET /cart direct (server CPU per request ratio, redis-server included; p99 ratio in detail)',
    value,
    goal: '<= 1.05 and p99 ratio <= 1.25',
    met: value !== null && p99 !== null && value <= 1.05 && p99 <= 1.25,
    detail: {
      p99_ratio: p99,
      rps_ratio: rpsRatio(redis, memory),
      post_cpu_per_req_ratio: cpuRatio(mPost, rPost),
      post_rps_ratio: rpsRatio(rPost, mPost),
      post_p99_ratio: p99Ratio(rPost, mPost),
    },
  };
}

function nginxHop(rows: CaseRow[]): Target {
  const via = rowById(rows, 'nginx.one.via-nginx');
  const direct = rowById(rows, 'nginx.one.direct');
  const value = rpsRatio(via, direct);
  return {
    name: 'one replica through nginx vs the same replica direct (req/s ratio)',
    value,
    goal: '>= 0.85',
    met: value !== null && value >= 0.85,
    // The same replica through HAProxy, measured in the same slices: the other balancer's hop.
    detail: { cpu_per_req_ratio: cpuRatio(direct, via), haproxy_cpu_per_req_ratio: cpuRatio(direct, rowById(rows, 'nginx.one.via-haproxy')) },
  };
}

function labBoot(boot: BootResult[]): Target {
  const redis = boot.find((b) => b.store === 'redis');
  const value = redis ? redis.median_ms : null;
  return {
    name: 'lab boot, 3 replicas + nginx + Redis (median ms)',
    value,
    goal: '<= 2000',
    met: value !== null && value <= 2000,
    detail: {
      memory_median_ms: boot.find((b) => b.store === 'memory')?.median_ms ?? null,
      cpu_ms: redis?.median_cpu_ms ?? null,
      idle_floor_ms: redis?.idle_floor_ms ?? null,
    },
  };
}

function sessionMemory(memory: MemoryResult[]): Target {
  const largest = memory.reduce<MemoryResult | undefined>((m, r) => (!m || r.sessions > m.sessions ? r : m), undefined);
  const value = largest ? largest.bytes_per_session : null;
  const worstAfter = memory.length ? Math.max(...memory.map((m) => m.after_expiry_ratio)) : null;
  return {
    name: 'memory store RSS per session with a 3-line cart (bytes, largest count); RSS after expiry / start in detail',
    value,
    goal: `<= ${2 * KIB} and after-expiry ratio <= 1.10`,
    met: value !== null && worstAfter !== null && value <= 2 * KIB && worstAfter <= 1.1,
    detail: { sessions: largest?.sessions ?? null, after_expiry_ratio: worstAfter },
  };
}
