"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PRODUCTS = void 0;
exports.findProduct = findProduct;
/** The fixed catalog, served by GET /products (the lab and the shop page read the skus from there). */
exports.PRODUCTS = Object.freeze([
    { sku: 'sku-apple', name: 'Honeycrisp apples (1 kg)', unit_price_cents: 449 },
    { sku: 'sku-bread', name: 'Sourdough loaf', unit_price_cents: 525 },
    { sku: 'sku-coffee', name: 'Ethiopian coffee beans (250 g)', unit_price_cents: 1290 },
    { sku: 'sku-mug', name: 'Stoneware mug', unit_price_cents: 1450 },
    { sku: 'sku-tea', name: 'Sencha green tea (100 g)', unit_price_cents: 875 },
    { sku: 'sku-socks', name: 'Merino wool socks', unit_price_cents: 1999 },
]);
const BY_SKU = new Map(exports.PRODUCTS.map((p) => [p.sku, p]));
function findProduct(sku) {
    return BY_SKU.get(sku);
}
//# sourceMappingURL=catalog.js.map