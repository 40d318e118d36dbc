import type { Request, Response } from 'express';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type * as Prom from 'prom-client';
import { SESSION_STATUS_HEADER } from '../session/lost-session';
import type { SessionBackend } from '../session/session-backend';
import { Counter, Gauge, Histogram, Registry } from './prom';

/** What /metrics reads on a scrape (nothing of it is on the request path). */
export interface MetricSources {
  backend: SessionBackend;
  liveSockets: () => number;
}

const UNMATCHED = '(unmatched)';
/** Node's loop-delay histogram records the whole timer period: the lag is what exceeds it. */
const LOOP_RESOLUTION_MS = 10;
const lagSeconds = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS) / 1e3;

/** The route pattern (`/cart/items/:sku`), never the raw path: a client cannot grow the label set. */
function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : UNMATCHED;
}

/**
 * cart-api's Prometheus metrics. A request pays two label lookups and an
 * increment (`observe`); sessions, sockets, Redis and the event loop are read
 * when Prometheus scrapes, so an unscraped replica pays nothing for them.
 */
export class CartMetrics {
  readonly registry = new Registry();
  private readonly requests: Prom.Counter<'method' | 'route' | 'status'>;
  private readonly duration: Prom.Histogram<'method' | 'route'>;
  private readonly lost: Prom.Counter;
  private readonly loop: { delay?: IntervalHistogram } = {};

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    this.requests = new Counter({ name: 'cart_api_http_requests_total', help: 'Responses by method, route pattern and status', labelNames: ['method', 'route', 'status'], registers });
    this.duration = new Histogram({
      name: 'cart_api_http_request_duration_seconds',
      help: 'Time from the request to the end of the response, by method and route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.lost = new Counter({ name: 'cart_api_lost_session_responses_total', help: `Responses with ${SESSION_STATUS_HEADER}: the presented session expired or was lost`, registers });
    this.sessionMetrics(sources.backend);
    new Gauge({ name: 'cart_api_live_sockets', help: 'Open Socket.IO connections', registers, collect() { this.set(sources.liveSockets()); } });
    if (sources.backend.redis) this.redisMetrics(sources.backend);
    this.loopMetric();
  }

  /** Called once per finished response. */
  observe(req: Request, res: Response, seconds: number): void {
    const route = routeOf(req);
    this.requests.inc({ method: req.method, route, status: res.statusCode });
    this.duration.observe({ method: req.method, route }, seconds);
    if (res.getHeader(SESSION_STATUS_HEADER) !== undefined) this.lost.inc();
  }

  private sessionMetrics(backend: SessionBackend): void {
    // With Redis the sessions are shared: one replica cannot say how many exist, so it says nothing.
    if (backend.sessionCounts() === null) return;
    const registers = [this.registry];
    new Gauge({ name: 'cart_api_sessions_held', help: 'Sessions held in this process', registers, collect() { this.set(backend.sessionsInMemory() ?? 0); } });
    const counts = () => backend.sessionCounts()!;
    for (const [event, help] of [
      ['created', 'Sessions created'],
      ['expired', 'Sessions that expired'],
      ['refused', 'New sessions refused at SESSION_MAX (answered 503)'],
    ] as const) {
      new Counter({ name: `cart_api_sessions_${event}_total`, help, registers, collect() { this.reset(); this.inc(counts()[event]); } });
    }
  }

  private redisMetrics(backend: SessionBackend): void {
    const registers = [this.registry];
    new Counter({ name: 'cart_api_redis_errors_total', help: 'Errors the Redis client reported', registers, collect() { this.reset(); this.inc(backend.redisErrors?.() ?? 0); } });
    new Gauge({
      name: 'cart_api_redis_round_trip_seconds',
      help: 'Time of a PING to Redis at this scrape; NaN when Redis did not answer in time',
      registers,
      async collect() {
        const t0 = process.hrtime.bigint();
        const ok = await backend.ready();
        this.set(ok ? Number(process.hrtime.bigint() - t0) / 1e9 : NaN);
      },
    });
  }

  private loopMetric(): void {
    const sampler: { delay?: IntervalHistogram } = this.loop;
    new Gauge({
      name: 'cart_api_event_loop_lag_seconds',
      help: 'Event-loop delay since the previous scrape (p99; mean under stat="mean"); sampled from the first scrape on',
      labelNames: ['stat'],
      registers: [this.registry],
      collect() {
        // Started on the first scrape: an idle replica nobody scrapes keeps no timer.
        if (!sampler.delay) {
          sampler.delay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
          sampler.delay.enable();
          return;
        }
        const h = sampler.delay;
        if (h.count > 0) {
          this.set({ stat: 'p99' }, lagSeconds(h.percentile(99)));
          this.set({ stat: 'mean' }, lagSeconds(h.mean));
        }
        h.reset();
      },
    });
  }

  stop(): void {
    this.loop.delay?.disable();
  }
}
