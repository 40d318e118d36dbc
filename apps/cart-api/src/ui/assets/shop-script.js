"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SHOP_JS = void 0;
const page_1 = require("../../../../../libs/page");
// The shop page's behaviour. Written as a typed function and served as its
// own source text (Function#toString), so it is type-checked by the normal
// build yet needs no bundler and ships inside dist/. It runs in the browser:
// it must not use anything from this module's scope, only its parameters (libs/page.ts).
function shopPage(dom, colourOf) {
    const STRIP_LENGTH = 20;
    const { el, byId, say } = dom;
    const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
    const price = (cents) => money.format(cents / 100);
    const hops = [];
    let cart = null;
    // The last cart the shop acknowledged, kept across a reload (F5) of this
    // tab: without it a reload after a lost cart shows "Your cart is empty."
    // with nothing to compare against, and the loss goes unexplained.
    const MEMORY_KEY = 'sticky-lab-shop:last-cart';
    let remembered = recall();
    let queue = Promise.resolve();
    class ApiError extends Error {
    }
    function describe(status, body, what) {
        const raw = body && typeof body === 'object' ? body.message : undefined;
        const detail = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : '';
        if (status === 503)
            return `The cart store is unavailable (503)${detail ? ': ' + detail : ''}. Try again in a moment.`;
        if (status === 502 || status === 504)
            return `No replica answered the load balancer (${status}). Try again in a moment.`;
        return `${detail || 'The request failed'} (${what} answered ${status}).`;
    }
    function record(replica, title, ok) {
        hops.push({ replica, title, ok });
        if (hops.length > STRIP_LENGTH)
            hops.shift();
        const badge = byId('served-by');
        badge.textContent = replica || 'no replica';
        badge.className = replica ? 'badge' : 'badge none';
        badge.style.background = replica ? colourOf(replica) : '';
        byId('strip').replaceChildren(...hops.map((h) => {
            const item = el('li', { title: h.title, class: h.ok ? '' : 'fail' }, h.replica || '—');
            if (h.ok && h.replica)
                item.style.background = colourOf(h.replica);
            return item;
        }));
    }
    async function api(method, path, body) {
        const what = `${method} ${path}`;
        const headers = { Accept: 'application/json' };
        if (body !== undefined)
            headers['Content-Type'] = 'application/json';
        let res;
        try {
            res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
        }
        catch {
            record('', `${what}: network error`, false);
            throw new ApiError(`Network error: ${what} did not reach the shop. Is the lab still running?`);
        }
        const servedBy = res.headers.get('X-Served-By') || '';
        record(servedBy, `${what} → ${res.status}${servedBy ? ' from ' + servedBy : ''}`, res.ok);
        const text = await res.text().catch(() => '');
        let data = null;
        try {
            data = text ? JSON.parse(text) : null;
        }
        catch {
            data = null; // an HTML error page from nginx: the status says enough
        }
        if (!res.ok)
            throw new ApiError(describe(res.status, data, what));
        return data;
    }
    function recall() {
        try {
            const value = JSON.parse(sessionStorage.getItem(MEMORY_KEY) || 'null');
            return value && typeof value.served_by === 'string' && Array.isArray(value.items) ? value : null;
        }
        catch {
            return null; // storage disabled or garbage: nothing to compare with
        }
    }
    function remember(c) {
        remembered = c;
        try {
            sessionStorage.setItem(MEMORY_KEY, JSON.stringify(c));
        }
        catch {
            // storage full or disabled: the notice then only lasts until a reload
        }
    }
    function quantities(c) {
        return new Map((c ? c.items : []).map((l) => [l.sku, l.qty]));
    }
    // Items the user did not remove but the answer no longer has: the visible
    // cost of landing on a replica (or store) that does not hold the session.
    function reportLoss(before, after, expect) {
        const wanted = expect(quantities(before));
        const got = quantities(after);
        let missing = 0;
        wanted.forEach((qty, sku) => (missing += Math.max(0, qty - (got.get(sku) || 0))));
        if (!before || missing === 0)
            return false;
        const where = before.served_by === after.served_by
            ? `the same replica (${after.served_by}) no longer has your session`
            : `the previous cart came from ${before.served_by}, this answer came from ${after.served_by}`;
        const gone = after.session === 'expired-or-lost' ? ' The shop says the session your browser presented no longer exists.' : '';
        say('error', `Your cart lost ${missing} item${missing === 1 ? '' : 's'}: ${where}.${gone}`);
        return true;
    }
    // The service names a presented session that no longer exists even when
    // this page saw no items to lose (a new tab, or an expired session).
    function reportExpired(after) {
        if (after.session !== 'expired-or-lost')
            return false;
        say('error', 'Your session expired or was lost (its replica or store no longer has it): this is a new, empty cart.');
        return true;
    }
    function cartOp(method, path, body, expect, done) {
        const run = async () => {
            byId('cart-section').setAttribute('aria-busy', 'true');
            try {
                const next = await api(method, path, body);
                const lost = reportLoss(cart ?? remembered, next, expect) || reportExpired(next);
                cart = next;
                remember(next);
                if (!lost && done)
                    say('info', done);
            }
            catch (err) {
                say('error', err instanceof Error ? err.message : String(err));
            }
            finally {
                byId('cart-section').removeAttribute('aria-busy');
                renderCart();
            }
        };
        queue = queue.then(run, run);
        return queue;
    }
    const same = (q) => q;
    const add = (sku, qty) => (q) => new Map(q).set(sku, (q.get(sku) || 0) + qty);
    const set = (sku, qty) => (q) => new Map(q).set(sku, qty);
    const drop = (sku) => (q) => {
        const next = new Map(q);
        next.delete(sku);
        return next;
    };
    function qtyInput(id, value, label) {
        const input = el('input', { type: 'number', id, min: '1', max: '99', step: '1', inputmode: 'numeric', 'data-key': id });
        input.value = String(value);
        input.setAttribute('aria-label', label);
        return input;
    }
    function button(text, key, onClick, attrs = {}) {
        const b = el('button', { type: 'button', 'data-key': key, ...attrs }, text);
        b.addEventListener('click', onClick);
        return b;
    }
    function renderCatalog(products) {
        byId('catalog').replaceChildren(...products.map((p) => {
            const input = qtyInput(`add-qty-${p.sku}`, 1, `Quantity of ${p.name} to add`);
            const go = () => cartOp('POST', '/cart/items', { sku: p.sku, qty: Number(input.value) }, add(p.sku, Number(input.value)), `Added ${input.value} × ${p.name}.`);
            input.addEventListener('keydown', (e) => e.key === 'Enter' && go());
            return el('li', {}, el('span', { class: 'name' }, p.name), el('span', { class: 'price' }, price(p.unit_price_cents)), input, button('Add', `add-${p.sku}`, go, { 'aria-label': `Add ${p.name} to the cart` }));
        }));
    }
    function cartRow(l) {
        const input = qtyInput(`qty-${l.sku}`, l.qty, `Quantity of ${l.name}`);
        const setQty = (qty) => cartOp('PATCH', `/cart/items/${encodeURIComponent(l.sku)}`, { qty }, set(l.sku, qty));
        input.addEventListener('change', () => setQty(Number(input.value)));
        const remove = () => cartOp('DELETE', `/cart/items/${encodeURIComponent(l.sku)}`, undefined, drop(l.sku), `Removed ${l.name}.`);
        return el('tr', {}, el('th', { scope: 'row' }, l.name), el('td', { class: 'num' }, price(l.unit_price_cents)), el('td', {}, el('span', { class: 'qty' }, button('−', `dec-${l.sku}`, () => (l.qty > 1 ? setQty(l.qty - 1) : remove()), { class: 'icon secondary', 'aria-label': `One less ${l.name}` }), input, button('+', `inc-${l.sku}`, () => setQty(l.qty + 1), { class: 'icon secondary', 'aria-label': `One more ${l.name}` }))), el('td', { class: 'num' }, price(l.line_total_cents)), el('td', {}, button('Remove', `rm-${l.sku}`, remove, { class: 'secondary', 'aria-label': `Remove ${l.name}` })));
    }
    // Re-rendering replaces the controls; put keyboard focus back on the
    // control with the same role so +/− can be pressed repeatedly.
    function renderCart() {
        const focused = document.activeElement?.getAttribute('data-key');
        const box = byId('cart');
        if (!cart) {
            box.replaceChildren(el('p', { class: 'muted' }, 'The cart could not be loaded.'));
        }
        else if (cart.items.length === 0) {
            box.replaceChildren(el('p', { id: 'cart-empty' }, 'Your cart is empty.'));
        }
        else {
            const head = el('tr', {}, ...['Item', 'Unit price', 'Quantity', 'Line total', ''].map((t, i) => el('th', { scope: 'col', class: i === 1 || i === 3 ? 'num' : '' }, t)));
            const foot = el('tr', {}, el('td', { colspan: '3' }, `Total (${cart.item_count} item${cart.item_count === 1 ? '' : 's'})`), el('td', { class: 'num', id: 'cart-total' }, price(cart.total_cents)), el('td'));
            box.replaceChildren(el('table', { id: 'cart-table' }, el('caption', { class: 'vh' }, 'Cart contents'), el('thead', {}, head), el('tbody', {}, ...cart.items.map(cartRow)), el('tfoot', {}, foot)));
        }
        if (!focused)
            return;
        const again = document.querySelector(`[data-key="${CSS.escape(focused)}"]`);
        if (again && again !== document.activeElement)
            again.focus();
        else if (!again)
            byId('cart-title').focus(); // its line is gone: land on the cart, not on <body>
    }
    async function start() {
        byId('reload').addEventListener('click', () => cartOp('GET', '/cart', undefined, same, 'Cart reloaded.'));
        byId('clear').addEventListener('click', () => cartOp('DELETE', '/cart', undefined, () => new Map(), 'Cart emptied.'));
        try {
            renderCatalog(await api('GET', '/products'));
        }
        catch (err) {
            byId('catalog').replaceChildren(el('li', { class: 'muted' }, 'The catalog could not be loaded.'));
            say('error', err instanceof Error ? err.message : String(err));
        }
        await cartOp('GET', '/cart', undefined, same);
    }
    void start();
}
exports.SHOP_JS = (0, page_1.pageScript)(shopPage);
//# sourceMappingURL=shop-script.js.map