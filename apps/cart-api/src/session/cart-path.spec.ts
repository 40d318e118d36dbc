import { isCartPath } from './session.middleware';

describe('isCartPath (the session middleware matches /cart as an Express mount would)', () => {
  it.each(['/cart', '/cart/', '/cart/items', '/cart/items/sku-apple', '/cart?x=1', '/CART', '/Cart/items'])('serves %s', (url) => {
    expect(isCartPath(url)).toBe(true);
  });

  it.each(['/', '/carts', '/cartitems', '/car', '/products', '/ui/cart', '/stats'])('leaves %s alone', (url) => {
    expect(isCartPath(url)).toBe(false);
  });
});
