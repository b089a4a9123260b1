import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsAmountFen } from '../../../../http/validation/is-amount-fen.decorator';

export class RecordCollectiveIncomeRequestDto {
  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1949)
  @Max(2200)
  year: number;

  @ApiProperty({ description: '村集体经济收入, integer fen', example: 8_000_000 })
  @IsAmountFen()
  amountFen: number;
}
