import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PERIOD_PATTERN } from '@gongjian/evaluation';
import { PagedQueryDto } from '../../../read-side/paged-query.dto';

export class ListRatingsQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ example: '2025', description: 'the rating period (a year)' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: 'period must be a year, YYYY' })
  period?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  stars?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  township?: string;
}
