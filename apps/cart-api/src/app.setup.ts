import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { RequestHandler } from 'express';
import type { Server } from 'node:http';
import { answerClientErrors } from './common/client-error';
import { HttpErrorFilter } from './common/http-error.filter';
import { requestMiddleware } from './common/request.middleware';
import { RequestStats } from './common/request-stats';
import { APP_CONFIG, AppConfig } from './config/config';
import { SESSION_MIDDLEWARE } from './session/session.module';

/** Body limit: a cart request is tiny; anything bigger is refused with 413. */
export const JSON_BODY_LIMIT = '16kb';

/**
 * Everything the app needs around Nest's router, shared by main.ts and the
 * tests. The app must have been created with `bodyParser: false`.
 */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(requestMiddleware(config, app.get(RequestStats)));
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  // Only the cart needs a session: /, /products, /health, /stats and /ui never touch the store.
  app.use('/cart', app.get<RequestHandler>(SESSION_MIDDLEWARE));
  app.useGlobalFilters(new HttpErrorFilter(config.logLevel !== 'silent'));
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: true }));
  const server = app.getHttpServer() as Server;
  // Above nginx's upstream keepalive_timeout, so nginx never reuses a socket Node just closed.
  server.keepAliveTimeout = 10_000;
  server.headersTimeout = 11_000;
  answerClientErrors(server, config.appName);
  return app;
}
