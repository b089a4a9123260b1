import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsAmountFen } from '../../../../http/validation/is-amount-fen.decorator';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';

export class RecordDisbursementRequestDto {
  @ApiProperty({ description: 'integer fen', example: 20_000_000 })
  @IsAmountFen(1)
  amountFen: number;

  @ApiProperty({
    description: 'date of the transfer (拨付), not after today',
    example: '2026-06-10',
  })
  @IsBusinessDate()
  on: string;

  @ApiProperty({ description: 'payment order reference (拨款单)', example: '拨款单 2026-017' })
  @IsString()
  @Length(1, 200)
  ref: string;
}
