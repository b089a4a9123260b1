import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsAmountFen } from '../../../../http/validation/is-amount-fen.decorator';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';

export class RecordExpenditureRequestDto {
  @ApiProperty({ description: 'integer fen', example: 5_000_000 })
  @IsAmountFen(1)
  amountFen: number;

  @ApiProperty({ description: 'date of the spending, not after today', example: '2026-06-20' })
  @IsBusinessDate()
  on: string;

  @ApiProperty({ example: 'construction' })
  @IsString()
  @Length(1, 100)
  category: string;

  @ApiProperty({ description: 'receipt or invoice reference', example: 'FP-2026-0042' })
  @IsString()
  @Length(1, 200)
  receiptRef: string;
}
