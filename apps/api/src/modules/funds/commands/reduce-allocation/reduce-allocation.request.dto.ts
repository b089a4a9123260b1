import { ApiProperty } from '@nestjs/swagger';
import { IsAmountFen } from '../../../../http/validation/is-amount-fen.decorator';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

export class ReduceAllocationRequestDto {
  @ApiProperty({ description: 'taken off the allocation and returned to the budget, integer fen' })
  @IsAmountFen(1)
  amountFen: number;

  @ApiProperty({ example: '项目调整核减' })
  @PlainText(1, 500, { multiline: true })
  reason: string;
}
