import type { LoadResult } from './load';
import type { BootResult, CaseRow, MemoryResult } from './model';
import { logWriterResult } from './groups/log-writer';
import { evaluateTargets } from './targets';

function row(id: string, rps: number, p99 = 10, cpu = 300, busy = 0.3): CaseRow {
  const load: LoadResult = {
    rps,
    p50: 1,
    p99,
    errors: 0,
    error_kinds: {},
    requests: rps,
    durationS: 1,
    users: 8,
    server_cpu_us_per_req: cpu,
    generator_cpu_us_per_req: 100,
    generator_busy: busy,
    generator_cpu_wait: 0,
  };
  return { id, group: id.startsWith('ceiling') ? 'ceiling' : 'direct', label: id, load };
}

const boot = (store: 'memory' | 'redis', ms: number): BootResult => ({
  store,
  replicas: 3,
  samples_ms: [ms],
  median_ms: ms,
  cpu_samples_ms: [1800],
  median_cpu_ms: 1800,
  idle_floor_ms: 900,
});

const memory = (sessions: number, perSession: number, afterRatio: number): MemoryResult => ({
  sessions,
  sessions_held: sessions,
  ttl_s: 10,
  create_s: 5,
  rss_start_bytes: 100,
  rss_held_bytes: 200,
  bytes_per_session: perSession,
  rss_after_expiry_bytes: 100 * afterRatio,
  after_expiry_ratio: afterRatio,
  expiry_wait_s: 10,
});

const byName = (targets: ReturnType<typeof evaluateTargets>, start: string) => targets.find((t) => t.name.startsWith(start))!;

describe('bench targets', () => {
  it('reports every target as not measured when nothing ran', () => {
    const targets = evaluateTargets([], [], []);
    expect(targets).toHaveLength(14);
    for (const t of targets) expect([t.value, t.met]).toEqual([null, false]);
  });

  it('computes each ratio from rows of the same run, against its goal', () => {
    const rows = [
      row('ceiling.direct', 5000, 1, 20, 0.95),
      row('peer.get', 1000, 10, 250),
      row('direct.memory.get', 950, 10, 260),
      row('direct.redis.get', 940, 13, 270),
      row('direct.memory.post', 800, 10, 300),
      row('direct.redis.post', 700, 10, 330),
      row('peer.post', 850, 10, 310),
      row('nginx.one.direct', 1000),
      row('nginx.one.via-nginx', 800, 10, 360),
      row('nginx.one.via-haproxy', 780, 10, 390),
    ];
    const t = evaluateTargets(rows, [boot('memory', 1500), boot('redis', 2100)], [memory(10_000, 3000, 0.5), memory(100_000, 1900, 1.05)]);
    // 5000 / 950 req/s; the ceiling's own busy generator does not count against it
    expect(byName(t, 'generator headroom')).toMatchObject({ value: 5.263, met: true, detail: { generator_busy_max: 0.3, ceiling_generator_busy: 0.95 } });
    // CPU 260 / 250 µs = 1.04 > 1.0, whatever the req/s ratio (0.95)
    expect(byName(t, 'cart-api GET /cart direct vs peer')).toMatchObject({ value: 1.04, met: false, detail: { rps_ratio: 0.95 } });
    // CPU 300 / 310 µs: cart-api's write is the cheaper one
    expect(byName(t, 'cart-api POST /cart/items direct vs peer')).toMatchObject({ value: 0.968, met: true, detail: { rps_ratio: 0.941 } });
    // CPU 270 / 260 = 1.038 meets 1.05 but p99 13/10 = 1.3 exceeds 1.25
    expect(byName(t, 'redis store vs memory store')).toMatchObject({ value: 1.038, met: false, detail: { p99_ratio: 1.3, post_cpu_per_req_ratio: 1.1 } });
    // The hops as CPU per request through the balancer over direct: 360 / 300 and 390 / 300.
    expect(byName(t, 'one replica through nginx')).toMatchObject({ value: 0.8, met: false, detail: { cpu_per_req_ratio: 1.2, haproxy_cpu_per_req_ratio: 1.3 } });
    expect(byName(t, 'lab boot, 3 replicas + nginx + Redis')).toMatchObject({ value: 2100, met: false, detail: { memory_median_ms: 1500 } });
    expect(byName(t, 'lab boot, 3 replicas + nginx, memory')).toMatchObject({ value: 1500, met: false });
    // 1800 ms of boot CPU over 3 replicas
    expect(byName(t, 'replica boot CPU')).toMatchObject({ value: 600, met: false });
    // the largest count decides bytes per session; the worst after-expiry ratio counts
    expect(byName(t, 'memory store RSS per session')).toMatchObject({ value: 1900, met: true, detail: { sessions: 100_000, after_expiry_ratio: 1.05 } });
  });

  it('compares each balancer hop in front of cart-api with its hop in front of the ceiling', () => {
    const rows = [
      row('ceiling.direct', 5000, 1, 20),
      row('ceiling.nginx', 3000, 1, 60), // nginx hop 40 µs
      row('ceiling.haproxy', 3000, 1, 50), // haproxy hop 30 µs
      row('nginx.one.direct', 1000, 10, 300),
      row('nginx.one.via-nginx', 800, 10, 350), // 50 µs: 1.25× its ceiling hop
      row('nginx.one.via-haproxy', 800, 10, 390), // 90 µs: 3×
    ];
    expect(byName(evaluateTargets(rows, [], []), 'balancer hop')).toMatchObject({
      value: 3,
      met: false,
      detail: { nginx_hop_us: 50, nginx_ceiling_hop_us: 40, haproxy_hop_us: 90, haproxy_ceiling_hop_us: 30 },
    });
    const missing = byName(evaluateTargets(rows.slice(0, 5), [], []), 'balancer hop');
    expect([missing.value, missing.met, missing.unknown]).toEqual([null, false, undefined]);
    // The ceiling behind HAProxy measured cheaper than direct: noise, not a hop.
    const noisy = byName(evaluateTargets([rows[0], rows[1], row('ceiling.haproxy', 3000, 1, 18), ...rows.slice(3)], [], []), 'balancer hop');
    expect([noisy.value, noisy.met, noisy.unknown]).toEqual([null, false, 'haproxy_ceiling_hop_us measured ≤ 0 µs: the noise is larger than the hop']);
  });

  it('holds 3 replicas of every strategy against the one replica through the same balancer, worst strategy counting', () => {
    const settledRow = (id: string, cpu: number, ok = true) => ({ ...row(id, 900, 10, cpu), warmup: { settled: ok, seconds: 3, windows: [] } });
    const rows = [
      row('nginx.one.via-nginx', 800, 10, 400),
      settledRow('nginx.memory.round-robin', 480),
      // measured beside a warm one replica in the same slices: that ratio wins over the nginx group's row
      { ...settledRow('nginx.memory.url-hash', 440), vs_one_replica: { one_replica_cpu_us: 420, cpu_ratio: 1.05 } },
      settledRow('nginx.redis.round-robin', 900), // another store: not compared with the memory one-replica row
      row('nginx.one.via-haproxy', 800, 10, 400),
      settledRow('haproxy.memory.round-robin', 560, false),
    ];
    const t = evaluateTargets(rows, [], []);
    expect(byName(t, '3 replicas via nginx')).toMatchObject({ value: 1.2, met: true, detail: { 'round-robin': 1.2, 'url-hash': 1.05 } });
    expect(byName(t, '3 replicas via haproxy')).toMatchObject({ value: 1.4, met: false, detail: { 'round-robin': 1.4, 'round-robin_warmup': 'not settled' } });
  });

  it('prices the metrics as CPU per GET /cart on over off, and pino per log line over the hand-written writer', () => {
    // 309 / 300 µs = 1.03: at the goal; 310 / 300 is past it
    const at = evaluateTargets([row('direct.memory.get', 950, 10, 309), row('direct.memory.get.metrics-off', 960, 10, 300)], [], []);
    expect(byName(at, 'cart-api GET /cart with /metrics')).toMatchObject({ value: 1.03, met: true });
    const past = evaluateTargets([row('direct.memory.get', 950, 10, 310), row('direct.memory.get.metrics-off', 960, 10, 300)], [], []);
    expect(byName(past, 'cart-api GET /cart with /metrics')).toMatchObject({ value: 1.033, met: false });
    const log = logWriterResult({ lines: 1000, pino_us_per_line: 2.2, json_us_per_line: 2 });
    expect(log.ratio).toBe(1.1);
    expect(byName(evaluateTargets([], [], [], log), 'pino vs')).toMatchObject({ value: 1.1, met: false, detail: { pino_us_per_line: 2.2 } });
    expect(logWriterResult({ lines: 0, pino_us_per_line: 0, json_us_per_line: 0 }).ratio).toBeNull();
  });

  it('does not call the generator roomy when it was busy on a measured row, or when the ceiling is not far ahead', () => {
    const busy = evaluateTargets([row('ceiling.direct', 5000), row('direct.memory.get', 950, 10, 260, 0.85)], [], []);
    expect(byName(busy, 'generator headroom')).toMatchObject({ value: 5.263, met: false, detail: { generator_busy_max: 0.85 } });
    const close = evaluateTargets([row('ceiling.direct', 1500), row('direct.memory.get', 1000)], [], []);
    expect(byName(close, 'generator headroom')).toMatchObject({ value: 1.5, met: false });
  });

  it('takes no figure from a row that had errors: the target is not measured rather than met', () => {
    const limited = row('ceiling.direct', 9000);
    limited.load.errors = 26_220;
    const t = evaluateTargets([limited, row('direct.memory.get', 950)], [], []);
    expect(byName(t, 'generator headroom')).toMatchObject({ value: null, met: false });
  });
});
