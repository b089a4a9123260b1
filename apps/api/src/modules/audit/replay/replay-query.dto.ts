import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { ReadQueryDto } from '../../../read-side/paged-query.dto';

/** At most one of them; none replays the whole stream. */
export class ReplayQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({
    description: 'Recording instant (recordedAt): what the record said at that instant',
    example: '2026-06-30T16:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({
    description: 'Business time (occurredAt): a date (to its end, Asia/Shanghai) or an instant',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOfOccurredAt?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'The stream up to this revision' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  asOfRevision?: number;

  @ApiPropertyOptional({ description: 'The stream up to this log position' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[0-9A-Za-z:._-]+$/, { message: 'asOfPosition must be a log position' })
  asOfPosition?: string;
}
