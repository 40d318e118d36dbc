import { DynamicModule, Global, Module } from '@nestjs/common';
import { CartModule } from './cart/cart.module';
import { CatalogModule } from './catalog/catalog.module';
import { RequestStats } from './common/request-stats';
import { APP_CONFIG, AppConfig } from './config/config';
import { DocsModule } from './docs/docs.module';
import { HealthModule } from './health/health.module';
import { InfoModule } from './info/info.module';
import { LiveModule } from './live/live.module';
import { MetricsModule } from './metrics/metrics.module';
import { SessionModule } from './session/session.module';
import { GracefulShutdown } from './shutdown';
import { UiModule } from './ui/ui.module';

/** Config and request counters, visible to every feature module. */
@Global()
@Module({})
class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    const providers = [{ provide: APP_CONFIG, useValue: config }, { provide: RequestStats, useValue: new RequestStats() }];
    return { module: CoreModule, providers: [...providers, GracefulShutdown], exports: providers };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(config), SessionModule, LiveModule, InfoModule, CatalogModule, CartModule, HealthModule, UiModule, MetricsModule, DocsModule],
    };
  }
}
