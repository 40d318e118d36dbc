import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { SESSION_BACKEND, SessionBackend } from '../session/session-backend';
import { SessionModule } from '../session/session.module';
import { CartController } from './cart.controller';
import { CART_LIMITS, CART_REPOSITORY, CartLimits, CartRepository, DEFAULT_CART_LIMITS } from './cart.repository';
import { CartService } from './cart.service';
import { MemoryCartRepository } from './memory-cart.repository';
import { RedisCartRepository } from './redis-cart.repository';

function createCartRepository(config: AppConfig, backend: SessionBackend, limits: CartLimits): CartRepository {
  if (backend.redis) {
    const ack = { replicas: config.redisWaitReplicas, timeoutMs: config.redisWaitTimeoutMs };
    return new RedisCartRepository(backend.redis, config.sessionTtlSeconds, limits, ack);
  }
  const repo = new MemoryCartRepository(limits);
  backend.onSessionGone((sid) => repo.delete(sid));
  return repo;
}

@Module({
  imports: [SessionModule],
  controllers: [CartController],
  providers: [
    CartService,
    { provide: CART_LIMITS, useValue: DEFAULT_CART_LIMITS },
    {
      provide: CART_REPOSITORY,
      inject: [APP_CONFIG, SESSION_BACKEND, CART_LIMITS],
      useFactory: createCartRepository,
    },
  ],
})
export class CartModule {}
