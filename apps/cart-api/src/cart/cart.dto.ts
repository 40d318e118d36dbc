import { IsInt, IsString, Length, Max, Min } from 'class-validator';

export class AddItemDto {
  @IsString()
  @Length(1, 64)
  sku!: string;

  @IsInt()
  @Min(1)
  @Max(99)
  qty!: number;
}

export class SetQtyDto {
  @IsInt()
  @Min(1)
  @Max(99)
  qty!: number;
}
