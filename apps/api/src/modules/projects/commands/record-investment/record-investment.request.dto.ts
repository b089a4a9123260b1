import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { INVESTMENT_SOURCES, InvestmentSource } from '@gongjian/domain';
import { IsAmountFen } from '../../../../http/validation/is-amount-fen.decorator';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';

export class RecordInvestmentRequestDto {
  @ApiProperty({ description: 'integer fen, > 0', example: 12_000_000 })
  @IsAmountFen(1)
  amountFen: number;

  @ApiProperty({ example: '2026-05-10', description: 'from the project start up to today' })
  @IsBusinessDate('funds')
  on: string;

  @ApiProperty({
    enum: INVESTMENT_SOURCES,
    description:
      'the fund sources, and 企业 (enterprise), 社会资本 (social_capital), 上级 (higher_level)',
  })
  @IsIn(INVESTMENT_SOURCES)
  source: InvestmentSource;
}
