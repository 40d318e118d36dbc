import {
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { Request } from 'express';
import { findProduct, Product } from '../catalog/catalog';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ensureSession, hasStoredSession } from '../session/ensure-session';
import { CART_REPOSITORY, CartLimitError, CartLine, CartRepository, LineNotFoundError } from './cart.repository';

export interface CartItemBody {
  sku: string;
  name: string;
  qty: number;
  unit_price_cents: number;
  line_total_cents: number;
}

export interface CartBody {
  served_by: string;
  items: CartItemBody[];
  item_count: number;
  total_cents: number;
}

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
  async view(req: Request): Promise<CartBody> {
    if (!hasStoredSession(req)) return this.body([]);
    return this.body(await this.call(() => this.repo.get(req.sessionID)));
  }

  async add(req: Request, sku: string, qty: number): Promise<CartBody> {
    this.product(sku);
    const sid = await ensureSession(req);
    return this.body(await this.call(() => this.repo.add(sid, sku, qty)));
  }

  async set(req: Request, sku: string, qty: number): Promise<CartBody> {
    this.product(sku);
    if (!hasStoredSession(req)) throw notInCart(sku);
    return this.body(await this.call(() => this.repo.set(req.sessionID, sku, qty)));
  }

  async remove(req: Request, sku: string): Promise<CartBody> {
    this.product(sku);
    if (!hasStoredSession(req)) throw notInCart(sku);
    return this.body(await this.call(() => this.repo.remove(req.sessionID, sku)));
  }

  async clear(req: Request): Promise<CartBody> {
    if (hasStoredSession(req)) await this.call(() => this.repo.clear(req.sessionID));
    return this.body([]);
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

  private body(lines: CartLine[]): CartBody {
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
    return { served_by: this.config.appName, items, item_count: itemCount, total_cents: total };
  }
}
