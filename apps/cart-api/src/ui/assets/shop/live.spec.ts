import { subscribe } from './live';
import { cartOf, specShop } from './shop.fixture';
import type { LiveSocket } from './types';

/** A Socket.IO client socket reduced to its events: the spec plays the server. */
class FakeSocket implements LiveSocket {
  active = true;
  connects = 0;
  private handlers = new Map<string, (arg: never) => void>();
  on(event: string, cb: (arg: never) => void): void {
    this.handlers.set(event, cb);
  }
  connect(): void {
    this.connects++;
    this.active = true;
  }
  emit(event: string, arg: unknown): void {
    this.handlers.get(event)?.(arg as never);
  }
}

function liveShop() {
  const socket = new FakeSocket();
  const shop = specShop(async () => cartOf('app2', {}, 'expired-or-lost'));
  shop.cart = cartOf('app1', { apple: 2 });
  subscribe(shop, () => socket);
  socket.emit('hello', { served_by: 'app1' });
  return { shop, socket };
}

describe('the shop page\'s live updates', () => {
  it('reads the cart when its socket closes under it, so a loss shows without a click', async () => {
    const { shop, socket } = liveShop();
    socket.emit('disconnect', 'transport close');
    await shop.queue;
    expect(shop.requests).toEqual(['GET /cart']);
    expect(shop.said[0][1]).toMatch(/^Your cart lost 2 items: the previous cart came from app1, this answer came from app2\./);
  });

  it('does not read the cart when the page closed the socket itself', async () => {
    const { shop, socket } = liveShop();
    socket.emit('disconnect', 'io client disconnect');
    await shop.queue;
    expect(shop.requests).toEqual([]);
  });

  it('asks again after a refusal once a write stored a session, and leaves a reconnecting socket alone', () => {
    const { shop, socket } = liveShop();
    subscribe(shop, () => socket);
    expect(socket.connects).toBe(0);
    socket.active = false; // refused at connect: socket.io-client gives up
    subscribe(shop, () => socket);
    expect(socket.connects).toBe(1);
  });

  it('a pushed cart replaces the shown one, and a reconnect to another replica says so and reads the cart', async () => {
    const { shop, socket } = liveShop();
    const pushed = cartOf('app1', { apple: 3 });
    socket.emit('cart', pushed);
    expect(shop.cart).toBe(pushed);
    socket.emit('hello', { served_by: 'app3' });
    await shop.queue;
    expect(shop.said[0]).toEqual(['info', 'Live updates moved: the socket was held by app1 and reconnected to app3.']);
    expect(shop.requests).toEqual(['GET /cart']);
  });
});
