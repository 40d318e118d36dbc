import { Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { LiveHub } from '../live/live-hub';
import { SESSION_BACKEND, SessionBackend } from '../session/session-backend';
import { SessionModule } from '../session/session.module';
import { CartMetrics } from './metrics';
import { METRICS, MetricsController } from './metrics.controller';

function createMetrics(config: AppConfig, backend: SessionBackend, live: LiveHub): CartMetrics | null {
  return config.metrics ? new CartMetrics({ backend, liveSockets: () => live.sockets() }) : null;
}

@Module({
  imports: [SessionModule],
  providers: [{ provide: METRICS, inject: [APP_CONFIG, SESSION_BACKEND, LiveHub], useFactory: createMetrics }],
  controllers: [MetricsController],
  exports: [METRICS],
})
export class MetricsModule implements OnModuleDestroy {
  constructor(@Inject(METRICS) private readonly metrics: CartMetrics | null) {}

  onModuleDestroy(): void {
    this.metrics?.stop();
  }
}
