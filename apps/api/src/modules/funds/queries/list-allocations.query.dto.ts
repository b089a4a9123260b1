import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FUND_PURPOSES, FUND_SOURCES } from '@gongjian/domain';
import { PagedQueryDto } from '../../../read-side/paged-query.dto';

export class ListAllocationsQueryDto extends PagedQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  recipientOrganizationId?: string;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: FUND_SOURCES })
  @IsOptional()
  @IsIn(FUND_SOURCES)
  source?: string;

  @ApiPropertyOptional({ enum: FUND_PURPOSES })
  @IsOptional()
  @IsIn(FUND_PURPOSES)
  purpose?: string;
}
