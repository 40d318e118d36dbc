import { IsInt, IsString, Length, Max, Min } from 'class-validator';

// With stopAtFirstError class-validator reports the bottom-most failing
// decorator first, so the type check sits last: "qty must be an integer
// number" beats "qty must not be greater than 99" for qty: "2".

export class AddItemDto {
  @Length(1, 64)
  @IsString()
  sku!: string;

  @Max(99)
  @Min(1)
  @IsInt()
  qty!: number;
}

export class SetQtyDto {
  @Max(99)
  @Min(1)
  @IsInt()
  qty!: number;
}
