import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';
import { CartSession, Session } from '../session/cart-session';
import { AddItemDto, SetQtyDto } from './cart.dto';
import { CartBody, CartService } from './cart.service';

@Controller('cart')
export class CartController {
  constructor(private readonly cart: CartService) {}

  @Get()
  get(@Session() session: CartSession): Promise<CartBody> {
    return this.cart.view(session);
  }

  @Post('items')
  add(@Session() session: CartSession, @Body() dto: AddItemDto): Promise<CartBody> {
    return this.cart.add(session, dto.sku, dto.qty);
  }

  @Patch('items/:sku')
  set(@Session() session: CartSession, @Param('sku') sku: string, @Body() dto: SetQtyDto): Promise<CartBody> {
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
