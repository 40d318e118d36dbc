import { Body, Controller, Delete, Get, Param, Patch, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { AddItemDto, SetQtyDto } from './cart.dto';
import { CartBody, CartService } from './cart.service';

@Controller('cart')
export class CartController {
  constructor(private readonly cart: CartService) {}

  @Get()
  get(@Req() req: Request): Promise<CartBody> {
    return this.cart.view(req);
  }

  @Post('items')
  add(@Req() req: Request, @Body() dto: AddItemDto): Promise<CartBody> {
    return this.cart.add(req, dto.sku, dto.qty);
  }

  @Patch('items/:sku')
  set(@Req() req: Request, @Param('sku') sku: string, @Body() dto: SetQtyDto): Promise<CartBody> {
    return this.cart.set(req, sku, dto.qty);
  }

  @Delete('items/:sku')
  remove(@Req() req: Request, @Param('sku') sku: string): Promise<CartBody> {
    return this.cart.remove(req, sku);
  }

  @Delete()
  clear(@Req() req: Request): Promise<CartBody> {
    return this.cart.clear(req);
  }
}
