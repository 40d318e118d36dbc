// A Shop for unit specs: real page modules, the DOM reduced to what they say.
import type { CartBody } from '../../../../../../libs/cart';
import type { Cart, Shop } from './types';
import { runCartOp } from './cart-op';

export function cartOf(servedBy: string, items: Record<string, number>, session?: CartBody['session']): Cart {
  const lines = Object.entries(items).map(([sku, qty]) => ({ sku, name: sku, qty, unit_price_cents: 100, line_total_cents: 100 * qty }));
  const count = lines.reduce((n, l) => n + l.qty, 0);
  return { served_by: servedBy, items: lines, item_count: count, total_cents: 100 * count, ...(session ? { session } : {}) };
}

export interface SpecShop extends Shop {
  said: [string, string][];
  requests: string[];
}

/** `answer` plays the shop behind the balancer: what each request gets back. */
export function specShop(answer: (shop: SpecShop, method: string, path: string) => Promise<unknown>): SpecShop {
  const shop: SpecShop = {
    said: [],
    requests: [],
    dom: {
      el: () => {
        throw new Error('no DOM in unit specs');
      },
      byId: () => ({ setAttribute: () => undefined }) as unknown as HTMLElement,
      say: (kind, text) => void shop.said.push([kind, text]),
    },
    colourOf: () => '#000',
    cart: null,
    remembered: null,
    hops: [],
    queue: Promise.resolve(),
    live: { started: false, socket: null, holder: null },
    api: <T>(method: string, path: string) => {
      shop.requests.push(`${method} ${path}`);
      return answer(shop, method, path) as Promise<T>;
    },
    cartOp: (op) => runCartOp(shop, op),
    remember: (c) => void (shop.remembered = c),
    record: () => undefined,
    renderCart: () => undefined,
    subscribe: () => undefined,
    liveStatus: () => undefined,
    busy: () => undefined,
  };
  return shop;
}
