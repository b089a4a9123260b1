import { ApiProperty } from '@nestjs/swagger';
import { IsAmountFen } from '../../../../http/validation/is-amount-fen.decorator';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

export class IncreaseBudgetRequestDto {
  @ApiProperty({ description: 'added to the pool, integer fen', example: 100_000_000 })
  @IsAmountFen(1)
  amountFen: number;

  @ApiProperty({ example: '年中追加' })
  @PlainText(1, 500, { multiline: true })
  reason: string;
}
