import {
  CartLimits,
  CartLine,
  CartRepository,
  DEFAULT_CART_LIMITS,
  LineNotFoundError,
  qtyTooLarge,
  tooManyLines,
} from './cart.repository';

type Lines = Map<string, number>;

function toLines(lines: Lines | undefined): CartLine[] {
  return lines ? [...lines].map(([sku, qty]) => ({ sku, qty })) : [];
}

/**
 * Carts in process memory. Every mutation runs synchronously between two
 * awaits, so it is atomic by construction. Entries go when their session
 * expires or is destroyed (MemorySessionStore calls `delete`).
 */
export class MemoryCartRepository implements CartRepository {
  private readonly carts = new Map<string, Lines>();

  constructor(private readonly limits: CartLimits = DEFAULT_CART_LIMITS) {}

  get size(): number {
    return this.carts.size;
  }

  async get(sid: string): Promise<CartLine[]> {
    return toLines(this.carts.get(sid));
  }

  async add(sid: string, sku: string, qty: number): Promise<CartLine[]> {
    const lines = this.carts.get(sid) ?? new Map<string, number>();
    const current = lines.get(sku);
    if (current === undefined && lines.size >= this.limits.maxLines) throw tooManyLines(this.limits);
    const next = (current ?? 0) + qty;
    if (next > this.limits.maxQty) throw qtyTooLarge(sku, this.limits);
    lines.set(sku, next);
    this.carts.set(sid, lines);
    return toLines(lines);
  }

  async set(sid: string, sku: string, qty: number): Promise<CartLine[]> {
    const lines = this.carts.get(sid);
    if (!lines?.has(sku)) throw new LineNotFoundError(sku);
    if (qty > this.limits.maxQty) throw qtyTooLarge(sku, this.limits);
    lines.set(sku, qty);
    return toLines(lines);
  }

  async remove(sid: string, sku: string): Promise<CartLine[]> {
    const lines = this.carts.get(sid);
    if (!lines?.delete(sku)) throw new LineNotFoundError(sku);
    if (lines.size === 0) this.carts.delete(sid);
    return toLines(lines);
  }

  async clear(sid: string): Promise<void> {
    this.carts.delete(sid);
  }

  /** Drops the cart of a session that is gone. */
  delete(sid: string): void {
    this.carts.delete(sid);
  }
}
