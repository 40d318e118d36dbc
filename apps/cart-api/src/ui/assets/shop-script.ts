import type { Product } from '../../../../../libs/cart';
import { Dom, modularPageScript } from '../../../../../libs/page';
import * as api from './shop/api';
import * as cartOp from './shop/cart-op';
import * as live from './shop/live';
import * as render from './shop/render';
import type { IoFactory, Shop } from './shop/types';

const SHOP_LIB = { ...api, ...cartOp, ...live, ...render };
type ShopLib = typeof SHOP_LIB;

// The shop page: wires the modules in ./shop/ around one `Shop` and starts.
// Served as source text with its modules (libs/page.ts): it runs in the
// browser and uses nothing from this module's scope, only its parameters.
function shopPage(dom: Dom, colourOf: (name: string) => string, lib: ShopLib): void {
  // The last acknowledged cart, kept across a reload (F5) of this tab: without
  // it a reload after a lost cart shows "Your cart is empty." and the loss goes unexplained.
  const MEMORY_KEY = 'sticky-lab-shop:last-cart';
  const shop: Shop = {
    dom,
    colourOf,
    cart: null,
    remembered: lib.recallCart(MEMORY_KEY),
    hops: [],
    queue: Promise.resolve(),
    live: { started: false, socket: null, holder: null },
    api: (method, path, body) => lib.callApi(shop, method, path, body),
    cartOp: (op) => lib.runCartOp(shop, op),
    remember(cart) {
      shop.remembered = cart;
      lib.storeCart(MEMORY_KEY, cart);
    },
    record: (replica, title, ok) => lib.recordHop(shop, replica, title, ok),
    renderCart: () => lib.renderCart(shop),
    subscribe: () => lib.subscribe(shop, (window as unknown as { io?: IoFactory }).io),
    liveStatus: (text) => void (dom.byId('live').textContent = text),
    busy: (on) => (on ? dom.byId('cart-section').setAttribute('aria-busy', 'true') : dom.byId('cart-section').removeAttribute('aria-busy')),
  };

  async function start(): Promise<void> {
    dom.byId('reload').addEventListener('click', () => shop.cartOp({ method: 'GET', path: '/cart', change: { kind: 'same' }, done: 'Cart reloaded.' }));
    dom.byId('clear').addEventListener('click', () => shop.cartOp({ method: 'DELETE', path: '/cart', change: { kind: 'empty' }, done: 'Cart emptied.' }));
    try {
      lib.renderCatalog(shop, await shop.api<Product[]>('GET', '/products'));
    } catch (err) {
      dom.byId('catalog').replaceChildren(dom.el('li', { class: 'muted' }, 'The catalog could not be loaded.'));
      dom.say('error', err instanceof Error ? err.message : String(err));
    }
    await shop.cartOp({ method: 'GET', path: '/cart', change: { kind: 'same' } });
  }

  void start();
}

export const SHOP_JS = modularPageScript(shopPage, SHOP_LIB);
