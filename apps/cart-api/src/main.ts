import 'reflect-metadata';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { AppConfig, ConfigError, loadConfig } from './config/config';
import { exitGracefully } from './shutdown';

function configOrExit(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`cart-api: ${err.message}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
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
  exitGracefully(app, log);
  log(`listening on ${config.host}:${config.port} with the ${config.sessionStore} store`);
}

main().catch((err: Error) => {
  process.stderr.write(`cart-api: failed to start: ${err.message}\n`);
  process.exit(1);
});
