import { Controller, Get, Inject, Optional, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { RootInfo, StatsBody } from '../../../../libs/cart';
import { RequestStats } from '../common/request-stats';
import { APP_CONFIG, AppConfig } from '../config/config';
import { LiveHub } from '../live/live-hub';
import { SESSION_BACKEND, SessionBackend } from '../session/session-backend';

@Controller()
export class InfoController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SESSION_BACKEND) private readonly backend: SessionBackend,
    private readonly stats: RequestStats,
    @Optional() private readonly live?: LiveHub,
  ) {}

  /** Who answered, and the client address as this replica sees it (through trusted proxies). */
  @Get()
  whoami(@Req() req: Request): RootInfo {
    return {
      app_name: this.config.appName,
      process_id: process.pid,
      client_ip: req.ip ?? null,
      session_store: this.config.sessionStore,
      message: `Hello from ${this.config.appName}`,
    };
  }

  @Get('stats')
  statsBody(): StatsBody {
    const live = this.live?.capStats();
    return {
      app_name: this.config.appName,
      session_store: this.config.sessionStore,
      sessions: this.backend.sessionsInMemory(),
      requests_served: this.stats.served,
      live_sockets: this.live?.sockets() ?? 0,
      ...(live ? { live_caps: live.caps, live_refused: live.refused } : {}),
      rss_bytes: process.memoryUsage.rss(),
      uptime_s: Math.round((Date.now() - this.stats.startedAt) / 100) / 10,
    };
  }
}
