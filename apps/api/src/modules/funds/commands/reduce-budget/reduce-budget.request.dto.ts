import { ApiProperty } from '@nestjs/swagger';
import { IsAmountFen } from '../../../../http/validation/is-amount-fen.decorator';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

export class ReduceBudgetRequestDto {
  @ApiProperty({
    description: 'taken from the pool, integer fen; never below what is allocated',
    example: 10_000_000,
  })
  @IsAmountFen(1)
  amountFen: number;

  @ApiProperty({ example: '年中调减' })
  @PlainText(1, 500, { multiline: true })
  reason: string;
}
