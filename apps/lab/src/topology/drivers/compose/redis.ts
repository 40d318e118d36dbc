// Redis under Compose: one server from the official image, or a primary with
// replicas under Sentinel (sentinel.ts); paused, killed and restarted with
// the Compose verbs, its state as the lab last left it.
import type { RedisPersistence, RedisState } from '../../../vocabulary';
import { waitFor } from '../../../util/wait';
import type { RedisOp, StatusRest } from '../../core';
import type { Compose } from './balancer';
import * as c from './commands';
import { ComposeSentinel, SENTINEL_SERVICES } from './sentinel';

const READY_TIMEOUT_MS = 60_000;

export class ComposeRedis {
  now: RedisState = 'stopped';

  constructor(
    private readonly compose: Compose,
    private readonly persistence: RedisPersistence,
    private readonly sentinel?: ComposeSentinel,
  ) {}

  async status(): Promise<StatusRest['redis']> {
    if (!this.sentinel) return { url: 'redis://redis:6379', state: this.now, persistence: this.persistence };
    const url = `redis-sentinel://${SENTINEL_SERVICES.map((s) => `${s}:26379`).join(',')}/${this.sentinel.settings.name}`;
    return { url, state: this.now, persistence: 'none', ha: await this.sentinel.status() };
  }

  async op(op: RedisOp): Promise<void> {
    if (this.sentinel) {
      this.now = await this.sentinel.op(op);
      return;
    }
    if (op === 'pause') {
      await this.compose(c.pauseArgs('redis'));
      this.now = 'paused';
      return;
    }
    if (op === 'kill') {
      await this.compose(c.killArgs('redis'));
      this.now = 'stopped';
      return;
    }
    if (op === 'resume' || this.now === 'paused') await this.compose(c.unpauseArgs('redis'));
    if (op === 'restart') {
      this.now = 'stopped';
      // Without persistence (`--save "" --appendonly no`) the restarted server is empty; with `aof` it reloads its file.
      await this.compose(c.restartArgs('redis'));
      await this.untilAnswers();
    }
    this.now = 'running';
  }

  async untilAnswers(): Promise<void> {
    await waitFor('redis to answer PING', async () => {
      const r = await this.compose(c.execArgs('redis', ['redis-cli', 'ping']), 10_000).catch(() => ({ stdout: '' }));
      return r.stdout.trim() === 'PONG';
    }, { timeoutMs: READY_TIMEOUT_MS, intervalMs: 250 });
    this.now = 'running';
  }
}
