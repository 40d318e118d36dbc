import { Controller, Get, Inject, NotFoundException, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CartMetrics } from './metrics';

export const METRICS = Symbol('METRICS');

/** Prometheus' text format. Private: both balancers refuse /metrics, as they refuse /stats. */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS) private readonly metrics: CartMetrics | null) {}

  @Get()
  async scrape(@Res() res: Response): Promise<void> {
    if (!this.metrics) throw new NotFoundException('metrics are off (METRICS=off)');
    const body = await this.metrics.registry.metrics();
    res.set({ 'Content-Type': this.metrics.registry.contentType, 'Cache-Control': 'no-store' }).send(body);
  }
}
