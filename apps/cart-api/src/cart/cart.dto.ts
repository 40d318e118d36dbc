/*
 * The write bodies. Their class-validator rules are in cart.rules.ts, applied
 * the first time a body needs them: class-validator and its dependencies are
 * ~320 modules, a third of what a replica compiled at boot, and a valid body
 * never reaches them (see plainAddItem).
 */

export class AddItemDto {
  sku!: string;
  qty!: number;
}

export class SetQtyDto {
  qty!: number;
}

/*
 * The hot path of the write routes: a body that is exactly `{ sku, qty }`
 * (or `{ qty }`), with an ASCII sku and an integer qty in range, is one the
 * class-validator rules above accept, so it becomes the DTO without
 * class-transformer and class-validator (≈ 7 % of a POST /cart/items in the
 * profile). Anything else is left to them, so every refusal keeps their
 * message. The checks are a strict subset of the rules: non-ASCII skus fall
 * back because class-validator counts their length differently.
 */
const PLAIN_SKU = /^[A-Za-z0-9_.~-]{1,64}$/;

function plainObject(value: unknown): Record<string, unknown> | null {
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return null;
  return value as Record<string, unknown>;
}

function validQty(qty: unknown): qty is number {
  return typeof qty === 'number' && Number.isInteger(qty) && qty >= 1 && qty <= 99;
}

function exactKeys(body: Record<string, unknown>, keys: string[]): boolean {
  const own = Object.keys(body);
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(body, k));
}

/** The AddItemDto of a body the rules certainly accept; null when class-validator must judge it. */
export function plainAddItem(value: unknown): AddItemDto | null {
  const body = plainObject(value);
  if (!body || !exactKeys(body, ['sku', 'qty'])) return null;
  const { sku, qty } = body;
  if (typeof sku !== 'string' || !PLAIN_SKU.test(sku) || !validQty(qty)) return null;
  return Object.assign(new AddItemDto(), { sku, qty });
}

/** The SetQtyDto of a body the rules certainly accept; null when class-validator must judge it. */
export function plainSetQty(value: unknown): SetQtyDto | null {
  const body = plainObject(value);
  if (!body || !exactKeys(body, ['qty']) || !validQty(body.qty)) return null;
  return Object.assign(new SetQtyDto(), { qty: body.qty });
}
