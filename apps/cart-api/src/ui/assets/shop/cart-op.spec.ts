import { expected, lossNotice, runCartOp } from './cart-op';
import { cartOf, specShop } from './shop.fixture';

describe('the shop page\'s "cart lost" alarm', () => {
  it('does not count an add twice when its Socket.IO push replaced the cart before the answer came', async () => {
    const answer = cartOf('app1', { apple: 1, bread: 1 });
    const shop = specShop(async (s) => {
      s.cart = answer; // the push of this very add, as live.ts's onCartPush stores it
      return answer;
    });
    shop.cart = cartOf('app1', { apple: 1 });
    await runCartOp(shop, { method: 'POST', path: '/cart/items', change: { kind: 'add', sku: 'bread', qty: 1 }, done: 'Added 1 × bread.' });
    expect(shop.said).toEqual([['info', 'Added 1 × bread.']]);
    expect(shop.remembered).toBe(answer);
  });

  it('names a real loss: items missing from an answer by another replica whose session is gone', async () => {
    const shop = specShop(async () => cartOf('app2', {}, 'expired-or-lost'));
    shop.cart = cartOf('app1', { apple: 2, bread: 3 });
    await runCartOp(shop, { method: 'GET', path: '/cart', change: { kind: 'same' } });
    expect(shop.said).toEqual([
      ['error', 'Your cart lost 5 items: the previous cart came from app1, this answer came from app2. The shop says the session your browser presented no longer exists.'],
    ]);
  });

  it('compares with the cart remembered across a reload when the page has none yet', async () => {
    const shop = specShop(async () => cartOf('app1', {}));
    shop.remembered = cartOf('app1', { apple: 1 });
    await runCartOp(shop, { method: 'GET', path: '/cart', change: { kind: 'same' } });
    expect(shop.said).toEqual([['error', 'Your cart lost 1 item: the same replica (app1) no longer has your session.']]);
  });

  it('says an unknown session expired when there was nothing to lose', async () => {
    const shop = specShop(async () => cartOf('app3', {}, 'expired-or-lost'));
    await runCartOp(shop, { method: 'GET', path: '/cart', change: { kind: 'same' }, done: 'Cart reloaded.' });
    expect(shop.said).toEqual([['error', 'Your session expired or was lost (its replica or store no longer has it): this is a new, empty cart.']]);
  });

  it('counts what the user removed or lowered as wanted, not lost', () => {
    const before = cartOf('app1', { apple: 3, bread: 1 });
    expect(lossNotice(before, cartOf('app1', { apple: 3 }), { kind: 'remove', sku: 'bread' })).toBeNull();
    expect(lossNotice(before, cartOf('app1', { apple: 1, bread: 1 }), { kind: 'set', sku: 'apple', qty: 1 })).toBeNull();
    expect(lossNotice(before, cartOf('app1', {}), { kind: 'empty' })).toBeNull();
    expect(expected(new Map([['apple', 1]]), { kind: 'add', sku: 'apple', qty: 2 })).toEqual(new Map([['apple', 3]]));
  });

  it('runs operations one at a time in click order, and a failure is a message that does not stop the queue', async () => {
    let open = 0;
    let most = 0;
    const shop = specShop(async (_s, method) => {
      most = Math.max(most, ++open);
      await new Promise((r) => setImmediate(r));
      open--;
      if (method === 'DELETE') throw new Error('No replica answered the load balancer (502). Try again in a moment.');
      return cartOf('app1', {});
    });
    await Promise.all([
      shop.cartOp({ method: 'GET', path: '/cart', change: { kind: 'same' } }),
      shop.cartOp({ method: 'DELETE', path: '/cart', change: { kind: 'empty' } }),
      shop.cartOp({ method: 'GET', path: '/cart', change: { kind: 'same' }, done: 'Cart reloaded.' }),
    ]);
    expect(most).toBe(1);
    expect(shop.requests).toEqual(['GET /cart', 'DELETE /cart', 'GET /cart']);
    expect(shop.said).toEqual([
      ['error', 'No replica answered the load balancer (502). Try again in a moment.'],
      ['info', 'Cart reloaded.'],
    ]);
  });
});
