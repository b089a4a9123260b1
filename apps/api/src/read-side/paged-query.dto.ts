import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { LOG_POSITION, LOG_POSITION_MESSAGE } from './log-position.format';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

/** What every query accepts: read-your-writes. */
export class ReadQueryDto {
  @ApiPropertyOptional({
    description:
      'Wait until the read models have applied this log position (a command answer’s `position`); 504 after the wait limit; without it, the query still waits (bounded) for the last write of the same API key in this process, and a lookup that finds nothing looks again once the read models have caught up with the log',
  })
  @IsOptional()
  @IsString()
  @Matches(LOG_POSITION, { message: LOG_POSITION_MESSAGE })
  minPosition?: string;
}

/** What every list accepts: read-your-writes and cursor paging. */
export class PagedQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}
