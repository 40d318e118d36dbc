// Response shapes of cart-api, as the lab reads them: defined once in libs/.
import type { CartBody } from '../../../../libs/cart';
import type { CartLine } from './history';

export type { Product, RootInfo } from '../../../../libs/cart';

/** cart-api's cart; the lab relies on a line's sku and qty only (see CartLine). */
export type Cart = Omit<CartBody, 'items'> & { items: CartLine[] };
