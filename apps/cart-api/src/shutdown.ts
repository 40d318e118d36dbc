import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { logError, logInfo } from './common/log';
import { RequestStats } from './common/request-stats';
import { APP_CONFIG, AppConfig } from './config/config';

/** Past this, connections still open are cut so the exit stays well inside Compose's 10 s. */
const DRAIN_LIMIT_MS = 5_000;
/** Past this, a shutdown hook that hangs is abandoned: exit 1 says the stop was forced. */
export const HARD_LIMIT_MS = 8_000;

/** Signals that start a graceful stop (bootstrap passes them to enableShutdownHooks). */
export const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'];

/**
 * Nest owns the lifecycle: `enableShutdownHooks(SHUTDOWN_SIGNALS, { useProcessExit: true })`
 * runs the hooks, closes the HTTP server (Node lets in-flight requests finish
 * and closes idle keep-alive sockets) and the Redis client, then exits 0.
 * This provider adds what the framework does not: responses ask clients to
 * close their connection, connections still busy after DRAIN_LIMIT_MS are cut,
 * and a hook that hangs past HARD_LIMIT_MS ends the process with 1.
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly stats: RequestStats,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  beforeApplicationShutdown(signal?: string): void {
    if (!signal) return; // app.close() from a test, not a signal
    this.log(`received ${signal}, draining`);
    this.stats.draining = true;
    const server = this.adapter.httpAdapter?.getHttpServer() as Server | undefined;
    setTimeout(() => server?.closeAllConnections(), DRAIN_LIMIT_MS).unref();
    setTimeout(() => {
      logError({ replica: this.config.appName, msg: `shutdown did not finish within ${HARD_LIMIT_MS} ms, exiting` });
      process.exit(1);
    }, HARD_LIMIT_MS).unref();
    server?.closeIdleConnections();
  }

  onApplicationShutdown(signal?: string): void {
    if (signal) this.log('closed');
  }

  private log(msg: string): void {
    if (this.config.logLevel !== 'silent') logInfo({ replica: this.config.appName, msg });
  }
}
