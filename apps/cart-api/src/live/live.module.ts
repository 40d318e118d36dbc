import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { SessionModule } from '../session/session.module';
import { LiveHub } from './live-hub';
import { LIVE_CONFIG, loadLiveConfig } from './live.config';

/** Live cart updates; global so the cart and the stats can reach the hub without importing this module. */
@Global()
@Module({
  imports: [SessionModule],
  providers: [
    LiveHub,
    { provide: LIVE_CONFIG, inject: [APP_CONFIG], useFactory: (c: AppConfig) => loadLiveConfig(process.env, c.sessionStore) },
  ],
  exports: [LiveHub],
})
export class LiveModule {}
