import 'reflect-metadata';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { guardLogStreams, logError, logInfo } from './common/log';
import type { AppConfig } from './config/config';
import { loadLiveConfig } from './live/live.config';
import { listeningLine } from './health/announce';
import { SHUTDOWN_SIGNALS } from './shutdown';

/** Creates, configures and starts the app for an already validated config. */
export async function bootstrap(config: AppConfig): Promise<void> {
  guardLogStreams();
  // A bad LIVE_* value fails boot before Nest loads, as a bad core variable does.
  loadLiveConfig(process.env, config.sessionStore);
  const quiet = config.logLevel === 'silent';
  const log = (msg: string) => {
    if (!quiet) logInfo({ replica: config.appName, msg });
  };
  if (config.secretGenerated) {
    logError({
      replica: config.appName,
      msg: 'warning: SESSION_SECRET is not set; using a random secret, so cookies from other replicas or restarts are rejected',
    });
  }
  const logger: LogLevel[] | false = quiet ? false : ['error', 'warn'];
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bodyParser: false, logger });
  configureApp(app);
  // Exit 0 after the hooks (see GracefulShutdown); without useProcessExit Nest
  // re-raises the signal and the process ends with a signal status instead.
  app.enableShutdownHooks(SHUTDOWN_SIGNALS, { useProcessExit: true });
  await app.listen(config.port, config.host);
  // PORT=0 lets the kernel pick: the supervisor learns the port from this line.
  const address = app.getHttpServer().address();
  process.stdout.write(listeningLine(address, config));
  const port = typeof address === 'object' && address ? address.port : config.port;
  log(`listening on ${config.host}:${port} with the ${config.sessionStore} store`);
}
