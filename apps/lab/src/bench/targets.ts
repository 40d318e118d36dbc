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
  return [
    generatorHeadroom(rows),
    apiVsPeer(rows, 'get', 'cart-api GET /cart direct vs peer Express (server CPU per request ratio)'),
    apiVsPeer(rows, 'post', 'cart-api POST /cart/items direct vs peer Express doing the same write (server CPU per request ratio)'),
    redisVsMemory(rows),
    nginxHop(rows),
    hopVsCeiling(rows),
    threeReplicasVsOne(rows, 'nginx'),
    threeReplicasVsOne(rows, 'haproxy'),
    labBoot(boot),
    labBootMemory(boot),
    replicaBootCpu(boot),
    sessionMemory(memory),
    metricsCost(rows),
    logWriter(log),
  ];
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

/** cart-api against the peer on one route (`get`, `post`), server CPU per request; `name` says what the route does. */
function apiVsPeer(rows: CaseRow[], route: 'get' | 'post', name: string): Target {
  const [api, peer] = [rowById(rows, `direct.memory.${route}`), rowById(rows, `peer.${route}`)];
  const value = cpuRatio(peer, api);
  return { name, value, goal: '<= 1.0', met: value !== null && value <= 1.0, detail: { rps_ratio: rpsRatio(api, peer) } };
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

/** CPU per request a balancer adds in front of a server: through it minus direct, the same server in the same slices. */
function hopUs(rows: CaseRow[], viaId: string, directId: string): number | null {
  const [via, direct] = [rowById(rows, viaId), rowById(rows, directId)];
  return via && direct ? via.load.server_cpu_us_per_req - direct.load.server_cpu_us_per_req : null;
}

/**
 * A balancer's hop in front of cart-api over its hop in front of the ceiling
 * responder: a configuration that costs per request with a real app behind it
 * (connection reuse, cookies, logging) shows here. The worse balancer counts.
 */
function hopVsCeiling(rows: CaseRow[]): Target {
  const detail: Record<string, number | null> = {};
  const ratios: number[] = [];
  for (const [engine, ceilingId] of [['nginx', 'ceiling.nginx'], ['haproxy', 'ceiling.haproxy']] as const) {
    const api = hopUs(rows, `nginx.one.via-${engine}`, 'nginx.one.direct');
    const ceiling = hopUs(rows, ceilingId, 'ceiling.direct');
    detail[`${engine}_hop_us`] = api;
    detail[`${engine}_ceiling_hop_us`] = ceiling;
    if (api !== null && ceiling !== null && ceiling > 0) ratios.push(round(api / ceiling, 2));
  }
  const value = ratios.length === 2 ? Math.max(...ratios) : null;
  // A hop is a difference of two noisy figures: one at or below zero is noise larger than the hop.
  const noise = Object.entries(detail).filter(([k, v]) => k.endsWith('ceiling_hop_us') && v !== null && v <= 0).map(([k]) => k);
  return {
    name: 'balancer hop in front of cart-api vs in front of the ceiling (server CPU µs per request added, worse of nginx and HAProxy)',
    value,
    goal: '<= 1.5',
    met: value !== null && value <= 1.5,
    detail,
    ...(value === null && noise.length ? { unknown: `${noise.join(', ')} measured ≤ 0 µs: the noise is larger than the hop` } : {}),
  };
}

/**
 * Three warm replicas cost about what one does per request: the strategy rows
 * (memory store) over a warm one-replica topology through the same balancer,
 * measured in the same slices (or, failing that, the one-replica row of the
 * nginx group). The worst strategy counts; a row whose warm-up did not settle
 * is named in detail.
 */
function threeReplicasVsOne(rows: CaseRow[], engine: 'nginx' | 'haproxy'): Target {
  const one = rowById(rows, `nginx.one.via-${engine}`);
  const detail: Record<string, number | string | null> = {};
  for (const r of rows.filter((x) => x.id.startsWith(`${engine}.memory.`) && x.load.errors === 0)) {
    detail[r.id.split('.')[2]] = r.vs_one_replica?.cpu_ratio ?? cpuRatio(one, r);
    if (r.warmup && !r.warmup.settled) detail[`${r.id.split('.')[2]}_warmup`] = 'not settled';
  }
  const ratios = Object.values(detail).filter((v): v is number => typeof v === 'number');
  const value = ratios.length ? Math.max(...ratios) : null;
  return {
    name: `3 replicas via ${engine} (memory store, every strategy) vs 1 replica via ${engine} (server CPU per request ratio, worst strategy)`,
    value,
    goal: '<= 1.3',
    met: value !== null && value <= 1.3,
    detail,
  };
}

function labBootMemory(boot: BootResult[]): Target {
  const memory = boot.find((b) => b.store === 'memory');
  const value = memory ? memory.median_ms : null;
  return { name: 'lab boot, 3 replicas + nginx, memory store (median ms)', value, goal: '<= 1200', met: value !== null && value <= 1200 };
}

/** The boot's CPU (replicas, nginx, redis) over the replicas: an upper bound of what one replica costs to get ready. */
function replicaBootCpu(boot: BootResult[]): Target {
  const memory = boot.find((b) => b.store === 'memory');
  const value = memory ? round(memory.median_cpu_ms / memory.replicas, 0) : null;
  return { name: 'replica boot CPU (ms; memory lab boot CPU with nginx over its replicas)', value, goal: '<= 400', met: value !== null && value <= 400 };
}

function labBoot(boot: BootResult[]): Target {
  const redis = boot.find((b) => b.store === 'redis');
  const value = redis ? redis.median_ms : null;
  return {
    name: 'lab boot, 3 replicas + nginx + Redis (median ms)',
    value,
    goal: '<= 1500',
    met: value !== null && value <= 1500,
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
