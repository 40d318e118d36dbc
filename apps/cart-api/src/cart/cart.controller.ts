import { ArgumentMetadata, Body, Controller, Delete, Get, Param, Patch, PipeTransform, Post } from '@nestjs/common';
import { CartSession, Session } from '../session/cart-session';
import { AddItemDto, plainAddItem, plainSetQty, SetQtyDto } from './cart.dto';
import { CartBody, CartService } from './cart.service';

/**
 * Validation on the bodies only (a global pipe ran, and resolved its
 * metadata, for every parameter of every route, bodiless GETs included). A
 * check takes the valid common case (see plainAddItem); any other body goes
 * to class-validator's BODY_PIPE, loaded on that first body (cart.rules.ts).
 */
class FastBodyPipe implements PipeTransform {
  constructor(private readonly plain: (value: unknown) => object | null) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    return this.plain(value) ?? (require('./cart.rules') as typeof import('./cart.rules')).BODY_PIPE.transform(value, metadata);
  }
}

const ADD_ITEM_PIPE = new FastBodyPipe(plainAddItem);
const SET_QTY_PIPE = new FastBodyPipe(plainSetQty);

@Controller('cart')
export class CartController {
  constructor(private readonly cart: CartService) {}

  @Get()
  get(@Session() session: CartSession): Promise<CartBody> {
    return this.cart.view(session);
  }

  @Post('items')
  add(@Session() session: CartSession, @Body(ADD_ITEM_PIPE) dto: AddItemDto): Promise<CartBody> {
    return this.cart.add(session, dto.sku, dto.qty);
  }

  @Patch('items/:sku')
  set(@Session() session: CartSession, @Param('sku') sku: string, @Body(SET_QTY_PIPE) dto: SetQtyDto): Promise<CartBody> {
    return this.cart.set(session, sku, dto.qty);
  }

  @Delete('items/:sku')
  remove(@Session() session: CartSession, @Param('sku') sku: string): Promise<CartBody> {
    return this.cart.remove(session, sku);
  }

  @Delete()
  clear(@Session() session: CartSession): Promise<CartBody> {
    return this.cart.clear(session);
  }
}
