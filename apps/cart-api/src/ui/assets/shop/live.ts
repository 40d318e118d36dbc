// Live updates (Socket.IO, served by the replicas at /socket.io/). A socket
// needs a stored session, so it starts after the first cart answer that proves
// one. Served as source text (libs/page.ts): other modules only through `shop`.
import type { Cart, IoFactory, Shop } from './types';

export function subscribe(shop: Shop, factory: IoFactory | undefined): void {
  const live = shop.live;
  // Refused at connect (the replica did not know the session): a write has
  // just stored one, so ask again. A socket that is reconnecting by itself is left alone.
  if (live.socket) return void (live.socket.active ? undefined : live.socket.connect());
  if (live.started) return;
  live.started = true;
  if (typeof factory !== 'function') return shop.liveStatus('Live updates are unavailable (the Socket.IO client did not load).');
  const socket = factory({ path: '/socket.io/' });
  live.socket = socket;
  socket.on('hello', (h: { served_by: string }) => onHello(shop, h.served_by));
  socket.on('cart', (next: Cart) => onCartPush(shop, next));
  socket.on('disconnect', (reason: string) => onDisconnect(shop, reason));
  socket.on('connect_error', (err: Error) => shop.liveStatus(`Live updates are off: ${err.message}`));
}

export function onHello(shop: Shop, servedBy: string): void {
  const holder = shop.live.holder;
  shop.liveStatus(`Live updates via ${servedBy}.`);
  shop.dom.byId('live').setAttribute('data-replica', servedBy);
  if (holder !== null && servedBy !== holder) shop.dom.say('info', `Live updates moved: the socket was held by ${holder} and reconnected to ${servedBy}.`);
  // Pushes sent while the socket was away are not replayed: read the cart again.
  if (holder !== null) void shop.cartOp({ method: 'GET', path: '/cart', change: { kind: 'same' } });
  shop.live.holder = servedBy;
}

export function onCartPush(shop: Shop, next: Cart): void {
  shop.cart = next;
  shop.remember(next);
  shop.renderCart();
  shop.liveStatus(`Live updates via ${shop.live.holder ?? '?'}: cart changed on ${next.served_by} at ${new Date().toLocaleTimeString()}.`);
}

/**
 * The replica holding the socket may be gone with the session: read the cart
 * now, so a loss shows (alarm and emptied cart) without a click. With the
 * memory store the socket may never come back (the next replica refuses an
 * unknown session), so waiting for its hello is not enough.
 */
export function onDisconnect(shop: Shop, reason: string): void {
  shop.liveStatus(`Live updates: the socket to ${shop.live.holder ?? '?'} closed; reconnecting…`);
  if (reason !== 'io client disconnect') void shop.cartOp({ method: 'GET', path: '/cart', change: { kind: 'same' } });
}
