import { createHash } from 'node:crypto';
import type { Redis, RedisLink } from '../session/redis-client';
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

/** How many replicas must acknowledge a cart change (Redis WAIT) before it is answered; replicas 0: no WAIT. */
export interface ReplicaAck {
  replicas: number;
  timeoutMs: number;
}

const NO_ACK: ReplicaAck = { replicas: 0, timeoutMs: 0 };

/** The replicas did not confirm a change in time: it is on the primary, and a failover may lose it. */
export class ReplicaAckError extends Error {
  constructor(ack: ReplicaAck, acked: number) {
    super(`${acked} of ${ack.replicas} replica(s) acknowledged the cart change within ${ack.timeoutMs} ms; it may not survive a failover`);
  }
}

/**
 * The script's deadline falls this much before the caller gives up: the
 * caller's timer may fire a millisecond early and both clocks are read in
 * whole milliseconds, so a deadline equal to the give-up time let a script
 * that Redis ran just after a 503 still land (seen once in a fresh-clone run).
 */
const LATE_MARGIN_MS = 10;

/** Carts as Redis hashes `cart:<sid>`, every change one atomic Lua script run. */
export class RedisCartRepository implements CartRepository {
  constructor(
    private readonly redis: RedisLink,
    private readonly ttlSeconds: number,
    private readonly limits: CartLimits = DEFAULT_CART_LIMITS,
    private readonly ack: ReplicaAck = NO_ACK,
  ) {}

  private async run(op: Op, sid: string, sku = '', qty = 0): Promise<CartLine[]> {
    const options = {
      keys: [`cart:${sid}`, `sess:${sid}`],
      arguments: [
        op, sku, String(qty), String(this.ttlSeconds), String(this.limits.maxQty), String(this.limits.maxLines),
        String(Date.now() + REDIS_COMMAND_TIMEOUT_MS - LATE_MARGIN_MS),
      ],
    };
    const waits = op !== 'get' && this.ack.replicas > 0;
    try {
      const bound = REDIS_COMMAND_TIMEOUT_MS + (waits ? this.ack.timeoutMs + 100 : 0);
      return toLines(await withTimeout(this.redis.run((c) => this.write(c, options, waits)), bound));
    } catch (err) {
      throw this.domainError(err, sku);
    }
  }

  /** The script, then (for a change) WAIT on the same connection: it counts that connection's writes. */
  private async write(client: Redis, options: { keys: string[]; arguments: string[] }, waits: boolean): Promise<unknown> {
    const reply = await this.evalCached(client, options);
    if (!waits) return reply;
    const acked = Number(await client.sendCommand(['WAIT', String(this.ack.replicas), String(this.ack.timeoutMs)]));
    if (acked < this.ack.replicas) throw new ReplicaAckError(this.ack, acked);
    return reply;
  }

  private async evalCached(client: Redis, options: { keys: string[]; arguments: string[] }): Promise<unknown> {
    try {
      return await client.evalSha(SHA, options);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return client.eval(CART_SCRIPT, options);
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
