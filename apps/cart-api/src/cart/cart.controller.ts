import { Body, Controller, Delete, Get, Param, Patch, Post, ValidationPipe } from '@nestjs/common';
import { CartSession, Session } from '../session/cart-session';
import { AddItemDto, SetQtyDto } from './cart.dto';
import { CartBody, CartService } from './cart.service';

/**
 * Validation on the bodies only: a global pipe ran (and resolved its
 * metadata) for every parameter of every route, bodiless GETs included.
 */
export const BODY_PIPE = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: true });

@Controller('cart')
export class CartController {
  constructor(private readonly cart: CartService) {}

  @Get()
  get(@Session() session: CartSession): Promise<CartBody> {
    return this.cart.view(session);
  }

  @Post('items')
  add(@Session() session: CartSession, @Body(BODY_PIPE) dto: AddItemDto): Promise<CartBody> {
    return this.cart.add(session, dto.sku, dto.qty);
  }

  @Patch('items/:sku')
  set(@Session() session: CartSession, @Param('sku') sku: string, @Body(BODY_PIPE) dto: SetQtyDto): Promise<CartBody> {
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
