import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ACTIVITY_TYPES, ActivityType } from '@gongjian/domain';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
import { RESOURCE_ID } from '../../../../http/validation/resource-id';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

/** Trainees of a training by kind. */
export class TraineesDto {
  @ApiPropertyOptional({ description: 'Party members (党员)', example: 12 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  members?: number;

  @ApiPropertyOptional({ description: 'activists (入党积极分子)', example: 3 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  activists?: number;

  @ApiPropertyOptional({ description: 'farmers (农民群众)', example: 20 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  farmers?: number;

  @ApiPropertyOptional({ description: '双带能手', example: 5 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  doubleLeaders?: number;
}

export class LogActivityRequestDto {
  @ApiPropertyOptional({
    description: 'Chosen by the client, or assigned; the same id with the same content is a no-op',
  })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  activityId?: string;

  @ApiProperty({
    enum: ACTIVITY_TYPES,
    description:
      '党建指导日/集体活动日/组织生活会/联谊/培训/走访慰问/联合党课(三会一课)/主题党日/志愿服务/座谈/考察学习/现场会',
  })
  @IsIn(ACTIVITY_TYPES)
  type: ActivityType;

  @ApiProperty({
    example: '2026-03-05',
    description:
      'within the pairing term, not in the future; accepted for LATE_ENTRY_GRACE_DAYS (default 60) after the term ends, marked enteredLate',
  })
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

  @ApiPropertyOptional({
    type: () => TraineesDto,
    description: 'trainings (培训) only: who was trained, by kind; together ≤ participants',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TraineesDto)
  trainees?: TraineesDto;
}
