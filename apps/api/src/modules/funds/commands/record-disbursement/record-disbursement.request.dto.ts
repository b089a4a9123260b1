import { ApiProperty } from '@nestjs/swagger';
import { IsAmountFen } from '../../../../http/validation/is-amount-fen.decorator';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

export class RecordDisbursementRequestDto {
  @ApiProperty({ description: 'integer fen', example: 20_000_000 })
  @IsAmountFen(1)
  amountFen: number;

  @ApiProperty({
    description: 'date of the transfer (拨付), not after today',
    example: '2026-06-10',
  })
  @IsBusinessDate('funds')
  on: string;

  @ApiProperty({ description: 'payment order reference (拨款单)', example: '拨款单 2026-017' })
  @PlainText(1, 200)
  ref: string;
}
