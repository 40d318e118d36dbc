// Cart operations and the "cart lost" alarm: pure functions of carts, plus the
// queue that runs one operation at a time. Served to the browser as source
// text (libs/page.ts): functions here call each other by name (so each is
// exported, or the page would not have it) and reach other
// modules only through `shop`.
import type { Cart, CartOp, Expect, Shop } from './types';

export function quantities(cart: Cart | null): Map<string, number> {
  return new Map((cart ? cart.items : []).map((l) => [l.sku, l.qty]));
}

/** Items the user did not remove but `after` no longer has. */
export function missingItems(before: Cart | null, after: Cart, change: Expect): number {
  const got = quantities(after);
  let missing = 0;
  expected(quantities(before), change).forEach((qty, sku) => (missing += Math.max(0, qty - (got.get(sku) || 0))));
  return missing;
}

/** The alarm for items lost between `before` and `after`, or null: the visible cost of landing on a replica (or store) that does not hold the session. */
export function lossNotice(before: Cart | null, after: Cart, change: Expect): string | null {
  const missing = before ? missingItems(before, after, change) : 0;
  if (!before || missing === 0) return null;
  const where =
    before.served_by === after.served_by
      ? `the same replica (${after.served_by}) no longer has your session`
      : `the previous cart came from ${before.served_by}, this answer came from ${after.served_by}`;
  const gone = after.session === 'expired-or-lost' ? ' The shop says the session your browser presented no longer exists.' : '';
  return `Your cart lost ${missing} item${missing === 1 ? '' : 's'}: ${where}.${gone}`;
}

/** The service names a presented session that no longer exists even when the page saw no items to lose (a new tab, an expired session). */
export function expiredNotice(after: Cart): string | null {
  if (after.session !== 'expired-or-lost') return null;
  return 'Your session expired or was lost (its replica or store no longer has it): this is a new, empty cart.';
}

/** sku -> least qty the cart should hold after `change`, starting from `before`. */
export function expected(before: Map<string, number>, change: Expect): Map<string, number> {
  const next = new Map(change.kind === 'empty' ? [] : before);
  if (change.kind === 'add') next.set(change.sku, (before.get(change.sku) || 0) + change.qty);
  if (change.kind === 'set') next.set(change.sku, change.qty);
  if (change.kind === 'remove') next.delete(change.sku);
  return next;
}

/** Queues `op` behind the operations already clicked; resolves when it has run. */
export function runCartOp(shop: Shop, op: CartOp): Promise<unknown> {
  const run = () => cartOpNow(shop, op);
  shop.queue = shop.queue.then(run, run);
  return shop.queue;
}

export async function cartOpNow(shop: Shop, op: CartOp): Promise<void> {
  // Read before the request: the Socket.IO push of this very write can replace
  // shop.cart before its answer arrives, and comparing with that would count
  // the write twice (a false "cart lost").
  const before = shop.cart ?? shop.remembered;
  shop.busy(true);
  try {
    const next = await shop.api<Cart>(op.method, op.path, op.body);
    const alarm = lossNotice(before, next, op.change) ?? expiredNotice(next);
    shop.cart = next;
    shop.remember(next);
    if (alarm) shop.dom.say('error', alarm);
    else if (op.done) shop.dom.say('info', op.done);
    if (op.method !== 'GET' || next.items.length > 0) shop.subscribe();
  } catch (err) {
    shop.dom.say('error', err instanceof Error ? err.message : String(err));
  } finally {
    shop.busy(false);
    shop.renderCart();
  }
}
