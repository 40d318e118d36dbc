import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { SESSION_BACKEND, SessionBackend } from '../session/session-backend';

export interface ReadyBody {
  status: 'ok';
  session_store: string;
  /** INSTANCE_ID, when the supervisor set one: proves which process answered. */
  instance?: string;
}

@Controller('health')
export class HealthController {
  constructor(
    @Inject(SESSION_BACKEND) private readonly backend: SessionBackend,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The process runs and answers; says nothing about the store. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** It can serve sessions: with redis, Redis answers a PING in time. */
  @Get('ready')
  async ready(): Promise<ReadyBody> {
    if (!(await this.backend.ready())) {
      throw new ServiceUnavailableException(`session store ${this.backend.kind} not ready`);
    }
    const body: ReadyBody = { status: 'ok', session_store: this.backend.kind };
    if (this.config.instanceId) body.instance = this.config.instanceId;
    return body;
  }
}
