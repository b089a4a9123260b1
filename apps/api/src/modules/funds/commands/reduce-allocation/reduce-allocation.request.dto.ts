import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsAmountFen } from '../../../../http/validation/is-amount-fen.decorator';

export class ReduceAllocationRequestDto {
  @ApiProperty({ description: 'taken off the allocation and returned to the budget, integer fen' })
  @IsAmountFen(1)
  amountFen: number;

  @ApiProperty({ example: '项目调整核减' })
  @IsString()
  @Length(1, 500)
  reason: string;
}
