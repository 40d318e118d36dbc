import type { CartBody, Product } from '../../../../../libs/cart';
import { Dom, pageScript } from '../../../../../libs/page';

// The shop page's behaviour. Written as a typed function and served as its
// own source text (Function#toString), so it is type-checked by the normal
// build yet needs no bundler and ships inside dist/. It runs in the browser:
// it must not use anything from this module's scope, only its parameters (libs/page.ts).
function shopPage(dom: Dom, colourOf: (name: string) => string): void {
  type Cart = CartBody;
  type Line = CartBody['items'][number];
  // What the cart should hold after an operation, sku -> least qty expected.
  type Expect = (before: Map<string, number>) => Map<string, number>;

  const STRIP_LENGTH = 20;
  const { el, byId, say } = dom;
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
  const price = (cents: number) => money.format(cents / 100);
  const hops: { replica: string; title: string; ok: boolean }[] = [];
  let cart: Cart | null = null;
  // The last cart the shop acknowledged, kept across a reload (F5) of this
  // tab: without it a reload after a lost cart shows "Your cart is empty."
  // with nothing to compare against, and the loss goes unexplained.
  const MEMORY_KEY = 'sticky-lab-shop:last-cart';
  let remembered: Cart | null = recall();
  let queue: Promise<unknown> = Promise.resolve();

  class ApiError extends Error {}

  function describe(status: number, body: unknown, what: string): string {
    const raw = body && typeof body === 'object' ? (body as { message?: unknown }).message : undefined;
    const detail = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : '';
    if (status === 503) return `The cart store is unavailable (503)${detail ? ': ' + detail : ''}. Try again in a moment.`;
    if (status === 502 || status === 504) return `No replica answered the load balancer (${status}). Try again in a moment.`;
    return `${detail || 'The request failed'} (${what} answered ${status}).`;
  }

  function record(replica: string, title: string, ok: boolean): void {
    hops.push({ replica, title, ok });
    if (hops.length > STRIP_LENGTH) hops.shift();
    const badge = byId('served-by');
    badge.textContent = replica || 'no replica';
    badge.className = replica ? 'badge' : 'badge none';
    badge.style.background = replica ? colourOf(replica) : '';
    byId('strip').replaceChildren(
      ...hops.map((h) => {
        const item = el('li', { title: h.title, class: h.ok ? '' : 'fail' }, h.replica || '—');
        if (h.ok && h.replica) item.style.background = colourOf(h.replica);
        return item;
      }),
    );
  }

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const what = `${method} ${path}`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      record('', `${what}: network error`, false);
      throw new ApiError(`Network error: ${what} did not reach the shop. Is the lab still running?`);
    }
    const servedBy = res.headers.get('X-Served-By') || '';
    record(servedBy, `${what} → ${res.status}${servedBy ? ' from ' + servedBy : ''}`, res.ok);
    const text = await res.text().catch(() => '');
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null; // an HTML error page from nginx: the status says enough
    }
    if (!res.ok) throw new ApiError(describe(res.status, data, what));
    return data as T;
  }

  function recall(): Cart | null {
    try {
      const value = JSON.parse(sessionStorage.getItem(MEMORY_KEY) || 'null') as Cart | null;
      return value && typeof value.served_by === 'string' && Array.isArray(value.items) ? value : null;
    } catch {
      return null; // storage disabled or garbage: nothing to compare with
    }
  }

  function remember(c: Cart): void {
    remembered = c;
    try {
      sessionStorage.setItem(MEMORY_KEY, JSON.stringify(c));
    } catch {
      // storage full or disabled: the notice then only lasts until a reload
    }
  }

  function quantities(c: Cart | null): Map<string, number> {
    return new Map((c ? c.items : []).map((l) => [l.sku, l.qty]));
  }

  // Items the user did not remove but the answer no longer has: the visible
  // cost of landing on a replica (or store) that does not hold the session.
  function reportLoss(before: Cart | null, after: Cart, expect: Expect): boolean {
    const wanted = expect(quantities(before));
    const got = quantities(after);
    let missing = 0;
    wanted.forEach((qty, sku) => (missing += Math.max(0, qty - (got.get(sku) || 0))));
    if (!before || missing === 0) return false;
    const where =
      before.served_by === after.served_by
        ? `the same replica (${after.served_by}) no longer has your session`
        : `the previous cart came from ${before.served_by}, this answer came from ${after.served_by}`;
    const gone = after.session === 'expired-or-lost' ? ' The shop says the session your browser presented no longer exists.' : '';
    say('error', `Your cart lost ${missing} item${missing === 1 ? '' : 's'}: ${where}.${gone}`);
    return true;
  }

  // The service names a presented session that no longer exists even when
  // this page saw no items to lose (a new tab, or an expired session).
  function reportExpired(after: Cart): boolean {
    if (after.session !== 'expired-or-lost') return false;
    say('error', 'Your session expired or was lost (its replica or store no longer has it): this is a new, empty cart.');
    return true;
  }

  function cartOp(method: string, path: string, body: unknown, expect: Expect, done?: string): Promise<unknown> {
    const run = async () => {
      byId('cart-section').setAttribute('aria-busy', 'true');
      try {
        const next = await api<Cart>(method, path, body);
        const lost = reportLoss(cart ?? remembered, next, expect) || reportExpired(next);
        cart = next;
        remember(next);
        if (!lost && done) say('info', done);
        if (method !== 'GET' || next.items.length > 0) subscribe();
      } catch (err) {
        say('error', err instanceof Error ? err.message : String(err));
      } finally {
        byId('cart-section').removeAttribute('aria-busy');
        renderCart();
      }
    };
    queue = queue.then(run, run);
    return queue;
  }

  const same: Expect = (q) => q;
  const add = (sku: string, qty: number): Expect => (q) => new Map(q).set(sku, (q.get(sku) || 0) + qty);
  const set = (sku: string, qty: number): Expect => (q) => new Map(q).set(sku, qty);
  const drop = (sku: string): Expect => (q) => {
    const next = new Map(q);
    next.delete(sku);
    return next;
  };

  function qtyInput(id: string, value: number, label: string): HTMLInputElement {
    const input = el('input', { type: 'number', id, min: '1', max: '99', step: '1', inputmode: 'numeric', 'data-key': id }) as HTMLInputElement;
    input.value = String(value);
    input.setAttribute('aria-label', label);
    return input;
  }

  function button(text: string, key: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLElement {
    const b = el('button', { type: 'button', 'data-key': key, ...attrs }, text);
    b.addEventListener('click', onClick);
    return b;
  }

  function renderCatalog(products: Product[]): void {
    byId('catalog').replaceChildren(
      ...products.map((p) => {
        const input = qtyInput(`add-qty-${p.sku}`, 1, `Quantity of ${p.name} to add`);
        const go = () => cartOp('POST', '/cart/items', { sku: p.sku, qty: Number(input.value) }, add(p.sku, Number(input.value)), `Added ${input.value} × ${p.name}.`);
        input.addEventListener('keydown', (e) => e.key === 'Enter' && go());
        return el(
          'li',
          {},
          el('span', { class: 'name' }, p.name),
          el('span', { class: 'price' }, price(p.unit_price_cents)),
          input,
          button('Add', `add-${p.sku}`, go, { 'aria-label': `Add ${p.name} to the cart` }),
        );
      }),
    );
  }

  function cartRow(l: Line): HTMLElement {
    const input = qtyInput(`qty-${l.sku}`, l.qty, `Quantity of ${l.name}`);
    const setQty = (qty: number) => cartOp('PATCH', `/cart/items/${encodeURIComponent(l.sku)}`, { qty }, set(l.sku, qty));
    input.addEventListener('change', () => setQty(Number(input.value)));
    const remove = () => cartOp('DELETE', `/cart/items/${encodeURIComponent(l.sku)}`, undefined, drop(l.sku), `Removed ${l.name}.`);
    return el(
      'tr',
      {},
      el('th', { scope: 'row' }, l.name),
      el('td', { class: 'num' }, price(l.unit_price_cents)),
      el(
        'td',
        {},
        el(
          'span',
          { class: 'qty' },
          button('−', `dec-${l.sku}`, () => (l.qty > 1 ? setQty(l.qty - 1) : remove()), { class: 'icon secondary', 'aria-label': `One less ${l.name}` }),
          input,
          button('+', `inc-${l.sku}`, () => setQty(l.qty + 1), { class: 'icon secondary', 'aria-label': `One more ${l.name}` }),
        ),
      ),
      el('td', { class: 'num' }, price(l.line_total_cents)),
      el('td', {}, button('Remove', `rm-${l.sku}`, remove, { class: 'secondary', 'aria-label': `Remove ${l.name}` })),
    );
  }

  // Re-rendering replaces the controls; put keyboard focus back on the
  // control with the same role so +/− can be pressed repeatedly.
  function renderCart(): void {
    const focused = (document.activeElement as HTMLElement | null)?.getAttribute('data-key');
    const box = byId('cart');
    if (!cart) {
      box.replaceChildren(el('p', { class: 'muted' }, 'The cart could not be loaded.'));
    } else if (cart.items.length === 0) {
      box.replaceChildren(el('p', { id: 'cart-empty' }, 'Your cart is empty.'));
    } else {
      const head = el('tr', {}, ...['Item', 'Unit price', 'Quantity', 'Line total', ''].map((t, i) => el('th', { scope: 'col', class: i === 1 || i === 3 ? 'num' : '' }, t)));
      const foot = el('tr', {}, el('td', { colspan: '3' }, `Total (${cart.item_count} item${cart.item_count === 1 ? '' : 's'})`), el('td', { class: 'num', id: 'cart-total' }, price(cart.total_cents)), el('td'));
      box.replaceChildren(el('table', { id: 'cart-table' }, el('caption', { class: 'vh' }, 'Cart contents'), el('thead', {}, head), el('tbody', {}, ...cart.items.map(cartRow)), el('tfoot', {}, foot)));
    }
    if (!focused) return;
    const again = document.querySelector(`[data-key="${CSS.escape(focused)}"]`) as HTMLElement | null;
    if (again && again !== document.activeElement) again.focus();
    else if (!again) byId('cart-title').focus(); // its line is gone: land on the cart, not on <body>
  }

  // Live updates (Socket.IO, served by the replicas at /socket.io/): a
  // socket needs a stored session, so it starts after the first cart answer
  // that proves one (items, or an acknowledged write).
  type LiveSocket = { on(event: string, cb: (arg: never) => void): void };
  type IoFactory = (opts: Record<string, unknown>) => LiveSocket;
  let liveStarted = false;

  function liveStatus(text: string): void {
    byId('live').textContent = text;
  }

  function subscribe(): void {
    const factory = (window as unknown as { io?: IoFactory }).io;
    if (liveStarted) return;
    liveStarted = true;
    if (typeof factory !== 'function') return liveStatus('Live updates are unavailable (the Socket.IO client did not load).');
    const socket = factory({ path: '/socket.io/' });
    let holder: string | null = null;
    socket.on('hello', (h: { served_by: string }) => {
      const moved = holder !== null && h.served_by !== holder;
      liveStatus(`Live updates via ${h.served_by}.`);
      byId('live').setAttribute('data-replica', h.served_by);
      if (moved) say('info', `Live updates moved: the socket was held by ${holder} and reconnected to ${h.served_by}.`);
      // Pushes sent while the socket was away are not replayed: read the cart again.
      if (holder !== null) void cartOp('GET', '/cart', undefined, same);
      holder = h.served_by;
    });
    socket.on('cart', (next: Cart) => {
      cart = next;
      remember(next);
      renderCart();
      liveStatus(`Live updates via ${holder ?? '?'}: cart changed on ${next.served_by} at ${new Date().toLocaleTimeString()}.`);
    });
    socket.on('disconnect', () => liveStatus(`Live updates: the socket to ${holder ?? '?'} closed; reconnecting…`));
    socket.on('connect_error', (err: Error) => liveStatus(`Live updates are off: ${err.message}`));
  }

  async function start(): Promise<void> {
    byId('reload').addEventListener('click', () => cartOp('GET', '/cart', undefined, same, 'Cart reloaded.'));
    byId('clear').addEventListener('click', () => cartOp('DELETE', '/cart', undefined, () => new Map(), 'Cart emptied.'));
    try {
      renderCatalog(await api<Product[]>('GET', '/products'));
    } catch (err) {
      byId('catalog').replaceChildren(el('li', { class: 'muted' }, 'The catalog could not be loaded.'));
      say('error', err instanceof Error ? err.message : String(err));
    }
    await cartOp('GET', '/cart', undefined, same);
  }

  void start();
}

export const SHOP_JS = pageScript(shopPage);
