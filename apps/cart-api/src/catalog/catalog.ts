import type { Product } from '../../../../libs/cart';

export type { Product };

/** The fixed catalog, served by GET /products (the lab and the shop page read the skus from there). */
export const PRODUCTS: readonly Product[] = Object.freeze([
  { sku: 'sku-apple', name: 'Honeycrisp apples (1 kg)', unit_price_cents: 449 },
  { sku: 'sku-bread', name: 'Sourdough loaf', unit_price_cents: 525 },
  { sku: 'sku-coffee', name: 'Ethiopian coffee beans (250 g)', unit_price_cents: 1290 },
  { sku: 'sku-mug', name: 'Stoneware mug', unit_price_cents: 1450 },
  { sku: 'sku-tea', name: 'Sencha green tea (100 g)', unit_price_cents: 875 },
  { sku: 'sku-socks', name: 'Merino wool socks', unit_price_cents: 1999 },
]);

const BY_SKU = new Map(PRODUCTS.map((p) => [p.sku, p]));

export function findProduct(sku: string): Product | undefined {
  return BY_SKU.get(sku);
}
