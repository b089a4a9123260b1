import { ApiProperty } from '@nestjs/swagger';
import { IsAmountFen } from '../../../../http/validation/is-amount-fen.decorator';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

export class RecordExpenditureRequestDto {
  @ApiProperty({ description: 'integer fen', example: 5_000_000 })
  @IsAmountFen(1)
  amountFen: number;

  @ApiProperty({ description: 'date of the spending, not after today', example: '2026-06-20' })
  @IsBusinessDate('funds')
  on: string;

  @ApiProperty({ example: 'construction' })
  @PlainText(1, 100)
  category: string;

  @ApiProperty({ description: 'receipt or invoice reference', example: 'FP-2026-0042' })
  @PlainText(1, 200)
  receiptRef: string;
}
