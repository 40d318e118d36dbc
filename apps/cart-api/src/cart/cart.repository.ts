export interface CartLine {
  sku: string;
  qty: number;
}

export interface CartLimits {
  /** Largest quantity of one line. */
  maxQty: number;
  /** Most distinct lines in one cart. */
  maxLines: number;
}

export const DEFAULT_CART_LIMITS: CartLimits = Object.freeze({ maxQty: 99, maxLines: 50 });
export const CART_LIMITS = Symbol('CART_LIMITS');
export const CART_REPOSITORY = Symbol('CART_REPOSITORY');

/** The change would break a cart limit (answered 422). */
export class CartLimitError extends Error {}
/** The sku has no line in this cart (answered 404). */
export class LineNotFoundError extends Error {
  constructor(sku: string) {
    super(`${sku} is not in the cart`);
  }
}

/**
 * The session id has no stored session (expired, or its store was lost): no
 * cart for it. Only a repository that checks the session itself throws it.
 */
export class SessionGoneError extends Error {
  constructor() {
    super('the session no longer exists');
  }
}

export function tooManyLines(limits: CartLimits): CartLimitError {
  return new CartLimitError(`a cart holds at most ${limits.maxLines} lines`);
}

export function qtyTooLarge(sku: string, limits: CartLimits): CartLimitError {
  return new CartLimitError(`qty of ${sku} would exceed ${limits.maxQty}`);
}

/**
 * Carts keyed by session id. Each operation is atomic on its own: concurrent
 * requests of one session never overwrite each other's change, which is why
 * the cart does not live in the express-session object.
 */
export interface CartRepository {
  get(sid: string): Promise<CartLine[]>;
  /** Adds qty to the line (creating it). */
  add(sid: string, sku: string, qty: number): Promise<CartLine[]>;
  /** Sets the qty of an existing line. */
  set(sid: string, sku: string, qty: number): Promise<CartLine[]>;
  remove(sid: string, sku: string): Promise<CartLine[]>;
  clear(sid: string): Promise<void>;
}
