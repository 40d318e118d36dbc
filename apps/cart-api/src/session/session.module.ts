import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/config';
import { createSessionBackend, SESSION_BACKEND, SessionBackend } from './session-backend';
import { sessionMiddleware } from './session.middleware';

export const SESSION_MIDDLEWARE = Symbol('SESSION_MIDDLEWARE');

@Module({
  providers: [
    { provide: SESSION_BACKEND, inject: [APP_CONFIG], useFactory: createSessionBackend },
    {
      provide: SESSION_MIDDLEWARE,
      inject: [APP_CONFIG, SESSION_BACKEND],
      useFactory: sessionMiddleware,
    },
  ],
  exports: [SESSION_BACKEND, SESSION_MIDDLEWARE],
})
export class SessionModule implements OnApplicationShutdown {
  constructor(@Inject(SESSION_BACKEND) private readonly backend: SessionBackend) {}

  async onApplicationShutdown(): Promise<void> {
    await this.backend.close();
  }
}
