import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { FUND_SOURCES, FundSource } from '@gongjian/domain';
import { IsAmountFen } from '../../../../http/validation/is-amount-fen.decorator';
import { RESOURCE_ID } from '../../../../http/validation/resource-id';

export class OpenBudgetRequestDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({
    enum: FUND_SOURCES,
    description: '县财政/组织部奖补/乡镇补助/村自筹/共建单位/部门项目资金/党费下拨',
  })
  @IsIn(FUND_SOURCES)
  source: FundSource;

  @ApiProperty({ description: 'the pool, integer fen', example: 500_000_000 })
  @IsAmountFen()
  amountFen: number;

  @ApiPropertyOptional({
    description:
      'the organization issuing the funds; makes the budget id `<year>-<source>-<issuer>`',
  })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  issuerOrganizationId?: string;
}
