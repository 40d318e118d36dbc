import {
  CartLimits,
  CartLine,
  CartRepository,
  DEFAULT_CART_LIMITS,
  LineNotFoundError,
  qtyTooLarge,
  tooManyLines,
} from './cart.repository';

/*
 * A cart is held as one short string, "sku-apple=2&sku-bread=1": a Map of
 * lines per cart cost ~220 B and kept the request's own sku strings alive,
 * where the string costs ~60 B — it is what lets one replica hold 100 000
 * sessions within the lab's memory budget. Skus come from the catalog, so
 * they never contain "=" or "&".
 */
function decode(encoded: string | undefined): CartLine[] {
  const lines: CartLine[] = [];
  if (!encoded) return lines;
  // One pass with indexOf, no intermediate arrays: decode was the repository's top frame on GET /cart.
  for (let start = 0; start < encoded.length; ) {
    let end = encoded.indexOf('&', start);
    if (end < 0) end = encoded.length;
    const at = encoded.indexOf('=', start);
    lines.push({ sku: encoded.slice(start, at), qty: Number(encoded.slice(at + 1, end)) });
    start = end + 1;
  }
  return lines;
}

function encode(lines: CartLine[]): string {
  return lines.map((l) => `${l.sku}=${l.qty}`).join('&');
}

/**
 * Carts in process memory. Every mutation runs synchronously between two
 * awaits, so it is atomic by construction. Entries go when their session
 * expires or is destroyed (MemorySessionStore calls `delete`).
 */
export class MemoryCartRepository implements CartRepository {
  private readonly carts = new Map<string, string>();

  constructor(private readonly limits: CartLimits = DEFAULT_CART_LIMITS) {}

  get size(): number {
    return this.carts.size;
  }

  async get(sid: string): Promise<CartLine[]> {
    return decode(this.carts.get(sid));
  }

  async add(sid: string, sku: string, qty: number): Promise<CartLine[]> {
    const lines = decode(this.carts.get(sid));
    const line = lines.find((l) => l.sku === sku);
    if (!line && lines.length >= this.limits.maxLines) throw tooManyLines(this.limits);
    const next = (line?.qty ?? 0) + qty;
    if (next > this.limits.maxQty) throw qtyTooLarge(sku, this.limits);
    if (line) line.qty = next;
    else lines.push({ sku, qty: next });
    return this.store(sid, lines);
  }

  async set(sid: string, sku: string, qty: number): Promise<CartLine[]> {
    const lines = decode(this.carts.get(sid));
    const line = lines.find((l) => l.sku === sku);
    if (!line) throw new LineNotFoundError(sku);
    if (qty > this.limits.maxQty) throw qtyTooLarge(sku, this.limits);
    line.qty = qty;
    return this.store(sid, lines);
  }

  async remove(sid: string, sku: string): Promise<CartLine[]> {
    const lines = decode(this.carts.get(sid));
    const rest = lines.filter((l) => l.sku !== sku);
    if (rest.length === lines.length) throw new LineNotFoundError(sku);
    return this.store(sid, rest);
  }

  async clear(sid: string): Promise<void> {
    this.carts.delete(sid);
  }

  /** Drops the cart of a session that is gone. */
  delete(sid: string): void {
    this.carts.delete(sid);
  }

  private store(sid: string, lines: CartLine[]): CartLine[] {
    if (lines.length === 0) this.carts.delete(sid);
    else this.carts.set(sid, encode(lines));
    return lines;
  }
}
