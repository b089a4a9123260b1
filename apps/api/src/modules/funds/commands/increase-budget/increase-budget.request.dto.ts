import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsAmountFen } from '../../../../http/validation/is-amount-fen.decorator';

export class IncreaseBudgetRequestDto {
  @ApiProperty({ description: 'added to the pool, integer fen', example: 100_000_000 })
  @IsAmountFen(1)
  amountFen: number;

  @ApiProperty({ example: '年中追加' })
  @IsString()
  @Length(1, 500)
  reason: string;
}
