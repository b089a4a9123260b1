import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { FUND_PURPOSES, FundPurpose } from '@gongjian/domain';
import { IsAmountFen } from '../../../../http/validation/is-amount-fen.decorator';
import { RESOURCE_ID } from '../../../../http/validation/resource-id';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

export class AllocateFundsRequestDto {
  @ApiPropertyOptional({ description: 'Chosen by the client, or assigned' })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  id?: string;

  @ApiProperty({ example: '2026-county_finance' })
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  budgetId: string;

  @ApiProperty()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  recipientOrganizationId: string;

  @ApiProperty({ description: 'integer fen', example: 60_000_000 })
  @IsAmountFen(1)
  amountFen: number;

  @ApiProperty({
    enum: FUND_PURPOSES,
    description: '服务中心建设/活动经费/运转经费/专项惠民资金/共建项目/培训/困难党员帮扶',
  })
  @IsIn(FUND_PURPOSES)
  purpose: FundPurpose;

  @ApiProperty({ description: 'the collective decision (集体决策)', example: '部务会纪要 2026-05' })
  @PlainText(1, 200)
  decisionRef: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  pairingId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  projectId?: string;
}
