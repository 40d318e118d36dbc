import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Application, RequestHandler } from 'express';
import type { Server } from 'node:http';
import { answerClientErrors } from './common/client-error';
import { refuseOversizedContinue } from './common/expect-continue';
import { HttpErrorFilter } from './common/http-error.filter';
import { OpenApiSource } from './docs/docs.controller';
import { jsonBodyParser } from './common/json-guard';
import { allowedMethods } from './common/method-not-allowed';
import { requestMiddleware } from './common/request.middleware';
import { RequestStats } from './common/request-stats';
import { APP_CONFIG, AppConfig } from './config/config';
import { LiveHub } from './live/live-hub';
import { METRICS } from './metrics/metrics.controller';
import { SESSION_MIDDLEWARE } from './session/session.module';

/** Body limit: a cart request is tiny; anything bigger is refused with 413. */
export const JSON_BODY_LIMIT = '16kb';
const JSON_BODY_LIMIT_BYTES = 16 * 1024;

/**
 * Everything the app needs around Nest's router, shared by main.ts and the
 * tests. The app must have been created with `bodyParser: false`.
 */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Express hashes every response body for an ETag; only the static UI assets use one (their own).
  app.set('etag', false);
  app.get(OpenApiSource).attach(app);
  app.use(requestMiddleware(config, app.get(RequestStats), app.get(METRICS)));
  // Not Nest's useBodyParser(): it takes no `verify`, where the depth bound runs before JSON.parse.
  app.use(jsonBodyParser(JSON_BODY_LIMIT));
  // Only the cart needs a session: /, /products, /health, /stats and /ui never touch the store (it matches /cart itself).
  app.use(app.get<RequestHandler>(SESSION_MIDDLEWARE));
  const instance = app.getHttpAdapter().getInstance() as Application;
  app.useGlobalFilters(
    new HttpErrorFilter({
      replica: config.appName,
      logErrors: config.logLevel !== 'silent',
      allowedMethods: (path) => allowedMethods(instance, path),
    }),
  );
  // Body validation is the cart controller's (BODY_PIPE): no global pipe runs on bodiless routes.
  const server = app.getHttpServer() as Server;
  // Above nginx's upstream keepalive_timeout, so nginx never reuses a socket Node just closed.
  server.keepAliveTimeout = 10_000;
  server.headersTimeout = 11_000;
  answerClientErrors(server, config.appName);
  // Socket.IO answers /socket.io/ on this same server, before Express sees it.
  // The per-address socket cap counts clients as req.ip does: through trusted proxies.
  void app.get(LiveHub).attach(server, instance.get('trust proxy fn') as (addr: string, i: number) => boolean);
  refuseOversizedContinue(server, JSON_BODY_LIMIT_BYTES, config.appName);
  return app;
}
