import 'reflect-metadata';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import type { AppConfig } from './config/config';
import { listeningLine } from './health/announce';
import { exitGracefully } from './shutdown';

/** Creates, configures and starts the app for an already validated config. */
export async function bootstrap(config: AppConfig): Promise<void> {
  const quiet = config.logLevel === 'silent';
  const log = (msg: string) => {
    if (!quiet) process.stdout.write(JSON.stringify({ replica: config.appName, msg }) + '\n');
  };
  if (config.secretGenerated) {
    process.stderr.write(
      'cart-api: warning: SESSION_SECRET is not set; using a random secret, so cookies from other replicas or restarts are rejected\n',
    );
  }
  const logger: LogLevel[] | false = quiet ? false : ['error', 'warn'];
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bodyParser: false, logger });
  configureApp(app);
  await app.listen(config.port, config.host);
  // PORT=0 lets the kernel pick: the supervisor learns the port from this line.
  process.stdout.write(listeningLine(app.getHttpServer().address(), config));
  exitGracefully(app, log);
  log(`listening on ${config.host}:${config.port} with the ${config.sessionStore} store`);
}
