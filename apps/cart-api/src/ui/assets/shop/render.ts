// What the shop page draws: the replica strip, the catalog and the cart.
// Served as source text (libs/page.ts): functions here call each other by name
// (so each is exported) and reach other modules only through `shop`.
import type { Product } from '../../../../../../libs/cart';
import type { Line, Shop } from './types';

export function price(cents: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
}

export function recordHop(shop: Shop, replica: string, title: string, ok: boolean): void {
  const { el, byId } = shop.dom;
  shop.hops.push({ replica, title, ok });
  const STRIP_LENGTH = 20; // here, not at module level: only functions reach the page
  if (shop.hops.length > STRIP_LENGTH) shop.hops.shift();
  const badge = byId('served-by');
  badge.textContent = replica || 'no replica';
  badge.className = replica ? 'badge' : 'badge none';
  badge.style.background = replica ? shop.colourOf(replica) : '';
  byId('strip').replaceChildren(
    ...shop.hops.map((h) => {
      const item = el('li', { title: h.title, class: h.ok ? '' : 'fail' }, h.replica || '—');
      if (h.ok && h.replica) item.style.background = shop.colourOf(h.replica);
      return item;
    }),
  );
}

export function qtyInput(shop: Shop, id: string, value: number, label: string): HTMLInputElement {
  const input = shop.dom.el('input', { type: 'number', id, min: '1', max: '99', step: '1', inputmode: 'numeric', 'data-key': id }) as HTMLInputElement;
  input.value = String(value);
  input.setAttribute('aria-label', label);
  return input;
}

export function button(shop: Shop, text: string, key: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLElement {
  const b = shop.dom.el('button', { type: 'button', 'data-key': key, ...attrs }, text);
  b.addEventListener('click', onClick);
  return b;
}

export function renderCatalog(shop: Shop, products: Product[]): void {
  const { el, byId } = shop.dom;
  byId('catalog').replaceChildren(
    ...products.map((p) => {
      const input = qtyInput(shop, `add-qty-${p.sku}`, 1, `Quantity of ${p.name} to add`);
      const qty = () => Number(input.value);
      const go = () => shop.cartOp({ method: 'POST', path: '/cart/items', body: { sku: p.sku, qty: qty() }, change: { kind: 'add', sku: p.sku, qty: qty() }, done: `Added ${input.value} × ${p.name}.` });
      input.addEventListener('keydown', (e) => e.key === 'Enter' && go());
      return el('li', {}, el('span', { class: 'name' }, p.name), el('span', { class: 'price' }, price(p.unit_price_cents)), input, button(shop, 'Add', `add-${p.sku}`, go, { 'aria-label': `Add ${p.name} to the cart` }));
    }),
  );
}

export function cartRow(shop: Shop, l: Line): HTMLElement {
  const { el } = shop.dom;
  const path = `/cart/items/${encodeURIComponent(l.sku)}`;
  const input = qtyInput(shop, `qty-${l.sku}`, l.qty, `Quantity of ${l.name}`);
  const setQty = (qty: number) => shop.cartOp({ method: 'PATCH', path, body: { qty }, change: { kind: 'set', sku: l.sku, qty } });
  const remove = () => shop.cartOp({ method: 'DELETE', path, change: { kind: 'remove', sku: l.sku }, done: `Removed ${l.name}.` });
  input.addEventListener('change', () => setQty(Number(input.value)));
  const less = button(shop, '−', `dec-${l.sku}`, () => (l.qty > 1 ? setQty(l.qty - 1) : remove()), { class: 'icon secondary', 'aria-label': `One less ${l.name}` });
  const more = button(shop, '+', `inc-${l.sku}`, () => setQty(l.qty + 1), { class: 'icon secondary', 'aria-label': `One more ${l.name}` });
  return el(
    'tr',
    {},
    el('th', { scope: 'row' }, l.name),
    el('td', { class: 'num' }, price(l.unit_price_cents)),
    el('td', {}, el('span', { class: 'qty' }, less, input, more)),
    el('td', { class: 'num' }, price(l.line_total_cents)),
    el('td', {}, button(shop, 'Remove', `rm-${l.sku}`, remove, { class: 'secondary', 'aria-label': `Remove ${l.name}` })),
  );
}

export function cartTable(shop: Shop, cart: NonNullable<Shop['cart']>): HTMLElement {
  const { el } = shop.dom;
  const head = el('tr', {}, ...['Item', 'Unit price', 'Quantity', 'Line total', ''].map((t, i) => el('th', { scope: 'col', class: i === 1 || i === 3 ? 'num' : '' }, t)));
  const total = `Total (${cart.item_count} item${cart.item_count === 1 ? '' : 's'})`;
  const foot = el('tr', {}, el('td', { colspan: '3' }, total), el('td', { class: 'num', id: 'cart-total' }, price(cart.total_cents)), el('td'));
  const rows = cart.items.map((l) => cartRow(shop, l));
  return el('table', { id: 'cart-table' }, el('caption', { class: 'vh' }, 'Cart contents'), el('thead', {}, head), el('tbody', {}, ...rows), el('tfoot', {}, foot));
}

// Re-rendering replaces the controls; put keyboard focus back on the
// control with the same role so +/− can be pressed repeatedly.
export function renderCart(shop: Shop): void {
  const { el, byId } = shop.dom;
  const focused = (document.activeElement as HTMLElement | null)?.getAttribute('data-key');
  const { cart } = shop;
  if (!cart) byId('cart').replaceChildren(el('p', { class: 'muted' }, 'The cart could not be loaded.'));
  else if (cart.items.length === 0) byId('cart').replaceChildren(el('p', { id: 'cart-empty' }, 'Your cart is empty.'));
  else byId('cart').replaceChildren(cartTable(shop, cart));
  if (!focused) return;
  const again = document.querySelector(`[data-key="${CSS.escape(focused)}"]`) as HTMLElement | null;
  if (again && again !== document.activeElement) again.focus();
  else if (!again) byId('cart-title').focus(); // its line is gone: land on the cart, not on <body>
}
