import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/config';
import { logInfo } from './log';
import type { RequestStats } from './request-stats';

/** Sees every finished response (the Prometheus metrics, src/metrics). */
export interface ResponseObserver {
  observe(req: Request, res: Response, seconds: number): void;
}

/** `req.path === '/stats'` without parsing the URL (Express' getter parses it). */
function isStatsPath(url: string): boolean {
  return url.startsWith('/stats') && (url.length === 6 || url.charCodeAt(6) === 0x3f);
}

/**
 * First middleware of the app: tags every response (errors and 404s too) with
 * the replica name, counts it (but not GET /stats), and when it finishes
 * writes one JSON log line and observes it in the Prometheus metrics.
 */
export function requestMiddleware(config: AppConfig, stats: RequestStats, metrics: ResponseObserver | null) {
  const log = config.logLevel !== 'silent';
  const replica = config.appName;
  return (req: Request, res: Response, next: NextFunction): void => {
    // Reading the counters is not traffic: the dashboard polls /stats every second.
    if (!isStatsPath(req.url)) stats.served++;
    res.setHeader('X-Served-By', replica);
    if (stats.draining) res.setHeader('Connection', 'close');
    if (log || metrics) {
      const start = process.hrtime.bigint();
      res.once('finish', () => {
        const duration_ms = Number(process.hrtime.bigint() - start) / 1e6;
        metrics?.observe(req, res, duration_ms / 1e3);
        if (!log) return;
        logInfo({
          replica,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          duration_ms: Math.round(duration_ms * 100) / 100,
        });
      });
    }
    next();
  };
}
