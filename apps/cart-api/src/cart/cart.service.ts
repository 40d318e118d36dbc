import {
  Inject,
  Injectable,
  NotFoundException,
  Optional,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { CartBody, CartItemBody } from '../../../../libs/cart';
import { findProduct, Product } from '../catalog/catalog';
import { APP_CONFIG, AppConfig } from '../config/config';
import { LiveHub } from '../live/live-hub';
import type { CartSession } from '../session/cart-session';
import { SESSION_LOST } from '../session/lost-session';
import {
  CART_REPOSITORY,
  CartLimitError,
  CartLine,
  CartRepository,
  LineNotFoundError,
  SessionGoneError,
} from './cart.repository';

export type { CartBody, CartItemBody } from '../../../../libs/cart';

function notInCart(sku: string): NotFoundException {
  return new NotFoundException(new LineNotFoundError(sku).message);
}

@Injectable()
export class CartService {
  constructor(
    @Inject(CART_REPOSITORY) private readonly repo: CartRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly live?: LiveHub,
  ) {}

  /** Reads never create a session: no stored session is an empty cart. */
  async view(session: CartSession): Promise<CartBody> {
    const { id } = session;
    if (id === null) return this.body(session, []);
    const lines = await this.inSession(session, () => this.repo.get(id), () => []);
    return this.body(session, lines);
  }

  async add(session: CartSession, sku: string, qty: number): Promise<CartBody> {
    this.product(sku);
    let sid = await session.create();
    const lines = await this.inSession(
      session,
      () => this.repo.add(sid, sku, qty),
      // The claimed session was gone: the write goes to a new one, as it would have without a cookie.
      async () => {
        sid = await session.renew();
        return this.call(() => this.repo.add(sid, sku, qty));
      },
    );
    return this.published(sid, this.body(session, lines));
  }

  async set(session: CartSession, sku: string, qty: number): Promise<CartBody> {
    this.product(sku);
    const { id } = session;
    if (id === null) throw notInCart(sku);
    const lines = await this.inSession(session, () => this.repo.set(id, sku, qty), () => {
      throw notInCart(sku);
    });
    return this.published(id, this.body(session, lines));
  }

  async remove(session: CartSession, sku: string): Promise<CartBody> {
    this.product(sku);
    const { id } = session;
    if (id === null) throw notInCart(sku);
    const lines = await this.inSession(session, () => this.repo.remove(id, sku), () => {
      throw notInCart(sku);
    });
    return this.published(id, this.body(session, lines));
  }

  async clear(session: CartSession): Promise<CartBody> {
    const { id } = session;
    if (id === null) return this.body(session, []);
    await this.inSession(session, () => this.repo.clear(id), () => undefined);
    return this.published(id, this.body(session, []));
  }

  /**
   * Runs a repository operation on the session's cart; when the repository
   * found no stored session (SessionGoneError: the redis store checks it in
   * the cart script itself) the session is reported lost and `gone` answers.
   */
  private async inSession<T>(session: CartSession, op: () => Promise<T>, gone: () => T | Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      if (!(err instanceof SessionGoneError)) throw this.httpError(err);
      session.markLost();
      return gone();
    }
  }

  /** After an acknowledged write: the session's live sockets get the cart the response carries. */
  private published(sid: string, body: CartBody): CartBody {
    if (!body.session) this.live?.publish(sid, body);
    return body;
  }

  private product(sku: string): Product {
    const product = findProduct(sku);
    if (!product) throw new NotFoundException(`unknown sku: ${sku}`);
    return product;
  }

  private async call<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      throw this.httpError(err);
    }
  }

  private httpError(err: unknown): Error {
    if (err instanceof CartLimitError) return new UnprocessableEntityException(err.message);
    if (err instanceof LineNotFoundError) return new NotFoundException(err.message);
    return new ServiceUnavailableException(`session store unavailable: ${(err as Error).message}`);
  }

  private body(session: CartSession, lines: CartLine[]): CartBody {
    let itemCount = 0;
    let total = 0;
    const items: CartItemBody[] = [];
    for (const { sku, qty } of lines) {
      const p = findProduct(sku);
      if (!p) continue; // a sku dropped from the catalog since it was added
      const lineTotal = p.unit_price_cents * qty;
      items.push({ sku, name: p.name, qty, unit_price_cents: p.unit_price_cents, line_total_cents: lineTotal });
      itemCount += qty;
      total += lineTotal;
    }
    const body: CartBody = { served_by: this.config.appName, items, item_count: itemCount, total_cents: total };
    if (session.lost) body.session = SESSION_LOST;
    return body;
  }
}
