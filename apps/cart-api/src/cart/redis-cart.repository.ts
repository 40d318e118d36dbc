import { createHash } from 'node:crypto';
import type { Redis } from '../session/redis-client';
import { REDIS_COMMAND_TIMEOUT_MS, RedisTimeoutError, withTimeout } from '../session/with-timeout';
import {
  CartLimits,
  CartLine,
  CartRepository,
  DEFAULT_CART_LIMITS,
  LineNotFoundError,
  qtyTooLarge,
  SessionGoneError,
  tooManyLines,
} from './cart.repository';
import { CART_SCRIPT } from './cart.lua';

const SHA = createHash('sha1').update(CART_SCRIPT).digest('hex');

type Op = 'get' | 'add' | 'set' | 'remove' | 'clear';

function toLines(flat: unknown): CartLine[] {
  const list = flat as string[];
  const lines: CartLine[] = [];
  for (let i = 0; i < list.length; i += 2) lines.push({ sku: list[i], qty: Number(list[i + 1]) });
  return lines;
}

/** Carts as Redis hashes `cart:<sid>`, every change one atomic Lua script run. */
export class RedisCartRepository implements CartRepository {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number,
    private readonly limits: CartLimits = DEFAULT_CART_LIMITS,
  ) {}

  private async run(op: Op, sid: string, sku = '', qty = 0): Promise<CartLine[]> {
    const options = {
      keys: [`cart:${sid}`, `sess:${sid}`],
      arguments: [
        op, sku, String(qty), String(this.ttlSeconds), String(this.limits.maxQty), String(this.limits.maxLines),
        String(Date.now() + REDIS_COMMAND_TIMEOUT_MS),
      ],
    };
    try {
      return toLines(await withTimeout(this.evalCached(options)));
    } catch (err) {
      throw this.domainError(err, sku);
    }
  }

  private async evalCached(options: { keys: string[]; arguments: string[] }): Promise<unknown> {
    try {
      return await this.redis.evalSha(SHA, options);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return this.redis.eval(CART_SCRIPT, options);
    }
  }

  private domainError(err: unknown, sku: string): unknown {
    // Redis 7 prefixes script errors with "ERR ", older versions do not.
    const code = /\bCART_(LINES|QTY|NOLINE|NOSESSION|LATE)\b/.exec(err instanceof Error ? err.message : '')?.[1];
    if (code === 'LINES') return tooManyLines(this.limits);
    if (code === 'QTY') return qtyTooLarge(sku, this.limits);
    if (code === 'NOLINE') return new LineNotFoundError(sku);
    if (code === 'NOSESSION') return new SessionGoneError();
    if (code === 'LATE') return new RedisTimeoutError(`redis ran the cart script after its ${REDIS_COMMAND_TIMEOUT_MS} ms deadline`);
    return err;
  }

  get(sid: string): Promise<CartLine[]> {
    return this.run('get', sid);
  }

  add(sid: string, sku: string, qty: number): Promise<CartLine[]> {
    return this.run('add', sid, sku, qty);
  }

  set(sid: string, sku: string, qty: number): Promise<CartLine[]> {
    return this.run('set', sid, sku, qty);
  }

  remove(sid: string, sku: string): Promise<CartLine[]> {
    return this.run('remove', sid, sku);
  }

  async clear(sid: string): Promise<void> {
    await this.run('clear', sid);
  }
}
