import { Controller, Get } from '@nestjs/common';
import { PRODUCTS, Product } from './catalog';

@Controller('products')
export class ProductsController {
  @Get()
  list(): readonly Product[] {
    return PRODUCTS;
  }
}
