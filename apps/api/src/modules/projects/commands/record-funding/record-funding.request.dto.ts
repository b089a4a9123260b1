import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import {
  FUNDING_STAGES,
  FundingStage,
  PROJECT_FUNDING_SOURCES,
  ProjectFundingSource,
} from '@gongjian/domain';
import { IsAmountFen } from '../../../../http/validation/is-amount-fen.decorator';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
import { RESOURCE_ID } from '../../../../http/validation/resource-id';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

export class RecordFundingRequestDto {
  @ApiPropertyOptional({
    description: 'Chosen by the client, or assigned; the same id with the same content is a no-op',
  })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  fundingId?: string;

  @ApiProperty({
    enum: PROJECT_FUNDING_SOURCES,
    description:
      'the fund sources, and 企业 (enterprise), 社会资本 (social_capital), 上级 (higher_level)',
  })
  @IsIn(PROJECT_FUNDING_SOURCES)
  source: ProjectFundingSource;

  @ApiProperty({
    enum: FUNDING_STAGES,
    description:
      '争取 (secured) or 到位 (arrived); arrived from a source never exceeds what was secured from it (422 FUNDING_ARRIVED_EXCEEDS_SECURED)',
  })
  @IsIn(FUNDING_STAGES)
  stage: FundingStage;

  @ApiProperty({ description: 'integer fen, > 0', example: 20_000_000 })
  @IsAmountFen(1)
  amountFen: number;

  @ApiProperty({ example: '2026-04-01', description: 'up to today' })
  @IsBusinessDate('funds')
  on: string;

  @ApiPropertyOptional({ description: 'a document reference (批复, 协议, 到账凭证)' })
  @IsOptional()
  @PlainText(1, 200)
  ref?: string;
}
