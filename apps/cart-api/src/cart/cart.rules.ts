import { ValidationPipe } from '@nestjs/common';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { AddItemDto, SetQtyDto } from './cart.dto';

/*
 * The DTOs' class-validator rules, loaded on the first body that the plain
 * checks of cart.dto.ts leave to class-validator (and by the OpenAPI
 * document, which is read from them). Applied in the order decorators would
 * apply them (bottom-most first): with stopAtFirstError class-validator
 * reports the first registered failing rule, so the type check comes first:
 * "qty must be an integer number" beats "qty must not be greater than 99"
 * for qty: "2".
 */
function apply(target: object, property: string, type: unknown, rules: PropertyDecorator[]): void {
  Reflect.defineMetadata('design:type', type, target, property);
  for (const rule of rules) rule(target, property);
}

const qtyRules = () => [IsInt(), Min(1), Max(99)];
apply(AddItemDto.prototype, 'sku', String, [IsString(), Length(1, 64)]);
apply(AddItemDto.prototype, 'qty', Number, qtyRules());
apply(SetQtyDto.prototype, 'qty', Number, qtyRules());

/** The write bodies' validation: whitelisted, transformed, the first error only. */
export const BODY_PIPE = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: true });
