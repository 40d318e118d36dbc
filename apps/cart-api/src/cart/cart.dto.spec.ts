import { BODY_PIPE } from './cart.rules';
import { AddItemDto, plainAddItem, plainSetQty, SetQtyDto } from './cart.dto';

const viaPipe = (value: unknown, metatype: typeof AddItemDto | typeof SetQtyDto) => BODY_PIPE.transform(value, { type: 'body', metatype });

describe('the write routes take valid bodies without class-validator, and leave every other body to it', () => {
  it.each([
    { sku: 'sku-apple', qty: 1 },
    { qty: 99, sku: 'a' },
    { sku: 'x'.repeat(64), qty: 42 },
  ])('%j: the same DTO the pipe gives', async (body) => {
    const fast = plainAddItem(body);
    expect(fast).toBeInstanceOf(AddItemDto);
    expect(fast).toEqual(await viaPipe({ ...body }, AddItemDto));
  });

  it.each([
    null,
    [],
    'sku-apple',
    {},
    { sku: 'sku-apple' },
    { sku: 'sku-apple', qty: 0 },
    { sku: 'sku-apple', qty: 100 },
    { sku: 'sku-apple', qty: 1.5 },
    { sku: 'sku-apple', qty: '2' },
    { sku: 42, qty: 1 },
    { sku: '', qty: 1 },
    { sku: 'x'.repeat(65), qty: 1 },
    { sku: 'pomme-é', qty: 1 },
    { sku: '\uFE0F', qty: 1 },
    { sku: 'sku-apple', qty: 1, price: 0 },
    Object.assign(Object.create({ inherited: 1 }) as object, { sku: 'sku-apple', qty: 1 }),
  ])('%j: judged by the pipe', (body) => {
    expect(plainAddItem(body)).toBeNull();
  });

  it('a qty-only body for PATCH, the same as the pipe gives; anything else to the pipe', async () => {
    expect(plainSetQty({ qty: 5 })).toEqual(await viaPipe({ qty: 5 }, SetQtyDto));
    expect(plainSetQty({ qty: 5 })).toBeInstanceOf(SetQtyDto);
    for (const body of [{ qty: 5, sku: 'sku-apple' }, { qty: 0 }, { qty: '5' }, {}, null]) expect(plainSetQty(body)).toBeNull();
  });

  it('every body the fast path refuses is one the pipe answers with its own 400 or accepts itself', async () => {
    await expect(viaPipe({ sku: 'sku-apple', qty: 100 }, AddItemDto)).rejects.toMatchObject({ response: { message: ['qty must not be greater than 99'] } });
    await expect(viaPipe({ sku: 'pomme-é', qty: 1 }, AddItemDto)).resolves.toEqual({ sku: 'pomme-é', qty: 1 });
  });
});
