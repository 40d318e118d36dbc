import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { SESSION_BACKEND, SessionBackend } from '../session/session-backend';

@Controller('health')
export class HealthController {
  constructor(@Inject(SESSION_BACKEND) private readonly backend: SessionBackend) {}

  /** The process runs and answers; says nothing about the store. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** It can serve sessions: with redis, Redis answers a PING in time. */
  @Get('ready')
  async ready(): Promise<{ status: 'ok'; session_store: string }> {
    if (!(await this.backend.ready())) {
      throw new ServiceUnavailableException(`session store ${this.backend.kind} not ready`);
    }
    return { status: 'ok', session_store: this.backend.kind };
  }
}
