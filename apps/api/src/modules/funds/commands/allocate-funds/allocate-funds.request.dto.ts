import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { FUND_PURPOSES, FundPurpose } from '@gongjian/domain';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
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

  @ApiPropertyOptional({
    example: '2026-05-12',
    description:
      'date of the collective decision: optional for clients that do not send it; when given, not in the future and in the budget year or the year before (422 DECISION_DATE_OUTSIDE_BUDGET_YEAR); disbursements follow it',
  })
  @IsOptional()
  @IsBusinessDate('funds')
  decisionOn?: string;

  @ApiPropertyOptional({
    description:
      'the pairing this money is delivered under: active or within LATE_ENTRY_GRACE_DAYS of its end (422 PAIRING_NOT_ACTIVE), the recipient one of its two organizations (422 ALLOCATION_RECIPIENT_NOT_IN_PAIRING); a project names its pairing itself',
  })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  pairingId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  projectId?: string;
}
