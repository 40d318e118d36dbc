import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { RequestStats } from './common/request-stats';

/** Past this, connections still open are cut so the exit stays well inside Compose's 10 s. */
const DRAIN_LIMIT_MS = 5_000;
/** Past this, a shutdown hook that hangs is abandoned: exit 1 says the stop was forced. */
const HARD_LIMIT_MS = 8_000;

/**
 * SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close idle
 * keep-alive sockets, close the Redis client (Nest shutdown hooks), exit 0.
 * Nest's own enableShutdownHooks() re-raises the signal after closing, which
 * ends the process with a signal status instead of 0; hence this handler.
 */
export function exitGracefully(app: INestApplication, log: (line: string) => void): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log(`received ${signal}, draining`);
    app.get(RequestStats).draining = true;
    const server = app.getHttpServer() as Server;
    setTimeout(() => server.closeAllConnections(), DRAIN_LIMIT_MS).unref();
    setTimeout(() => {
      process.stderr.write(`cart-api: shutdown did not finish within ${HARD_LIMIT_MS} ms, exiting\n`);
      process.exit(1);
    }, HARD_LIMIT_MS).unref();
    server.closeIdleConnections();
    app
      .close()
      .then(() => {
        log('closed');
        process.exit(0);
      })
      .catch((err: Error) => {
        process.stderr.write(`cart-api: shutdown failed: ${err.message}\n`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
