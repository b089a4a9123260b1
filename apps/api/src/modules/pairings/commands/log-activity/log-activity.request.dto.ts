import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ACTIVITY_TYPES, ActivityType } from '@gongjian/domain';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
import { RESOURCE_ID } from '../../../../http/validation/resource-id';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

export class LogActivityRequestDto {
  @ApiPropertyOptional({
    description: 'Chosen by the client, or assigned; the same id with the same content is a no-op',
  })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  activityId?: string;

  @ApiProperty({
    enum: ACTIVITY_TYPES,
    description: '党建指导日/集体活动日/组织生活会/联谊/培训/走访慰问',
  })
  @IsIn(ACTIVITY_TYPES)
  type: ActivityType;

  @ApiProperty({ example: '2026-03-05', description: 'within the pairing term, not in the future' })
  @IsBusinessDate()
  date: string;

  @ApiProperty({ description: 'number of people who took part', example: 25 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  participants: number;

  @ApiProperty({ example: '到村开展党建指导，帮助完善“三会一课”台账' })
  @PlainText(1, 2000, { multiline: true })
  summary: string;
}
