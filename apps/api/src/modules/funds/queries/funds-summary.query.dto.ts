import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { ReadQueryDto } from '../../../read-side/paged-query.dto';

export const FUNDS_SUMMARY_GROUPS = ['recipient', 'source', 'township', 'purpose'] as const;
export type FundsSummaryGroup = (typeof FUNDS_SUMMARY_GROUPS)[number];

export class FundsSummaryQueryDto extends ReadQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ enum: FUNDS_SUMMARY_GROUPS })
  @IsIn(FUNDS_SUMMARY_GROUPS)
  groupBy: FundsSummaryGroup;
}
