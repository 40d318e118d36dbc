import {
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { CartBody, CartItemBody } from '../../../../libs/cart';
import { findProduct, Product } from '../catalog/catalog';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { CartSession } from '../session/cart-session';
import { SESSION_LOST } from '../session/lost-session';
import { CART_REPOSITORY, CartLimitError, CartLine, CartRepository, LineNotFoundError } from './cart.repository';

export type { CartBody, CartItemBody } from '../../../../libs/cart';

function notInCart(sku: string): NotFoundException {
  return new NotFoundException(new LineNotFoundError(sku).message);
}

@Injectable()
export class CartService {
  constructor(
    @Inject(CART_REPOSITORY) private readonly repo: CartRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Reads never create a session: no stored session is an empty cart. */
  async view(session: CartSession): Promise<CartBody> {
    const { id } = session;
    if (id === null) return this.body(session, []);
    return this.body(session, await this.call(() => this.repo.get(id)));
  }

  async add(session: CartSession, sku: string, qty: number): Promise<CartBody> {
    this.product(sku);
    const sid = await session.create();
    return this.body(session, await this.call(() => this.repo.add(sid, sku, qty)));
  }

  async set(session: CartSession, sku: string, qty: number): Promise<CartBody> {
    this.product(sku);
    const { id } = session;
    if (id === null) throw notInCart(sku);
    return this.body(session, await this.call(() => this.repo.set(id, sku, qty)));
  }

  async remove(session: CartSession, sku: string): Promise<CartBody> {
    this.product(sku);
    const { id } = session;
    if (id === null) throw notInCart(sku);
    return this.body(session, await this.call(() => this.repo.remove(id, sku)));
  }

  async clear(session: CartSession): Promise<CartBody> {
    const { id } = session;
    if (id !== null) await this.call(() => this.repo.clear(id));
    return this.body(session, []);
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
      if (err instanceof CartLimitError) throw new UnprocessableEntityException(err.message);
      if (err instanceof LineNotFoundError) throw new NotFoundException(err.message);
      throw new ServiceUnavailableException(`session store unavailable: ${(err as Error).message}`);
    }
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
