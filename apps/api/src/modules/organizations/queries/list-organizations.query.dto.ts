import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SECTORS, VILLAGE_CATEGORIES } from '@gongjian/domain';
import { PagedQueryDto } from '../../../read-side/paged-query.dto';

export class ListOrganizationsQueryDto extends PagedQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  township?: string;

  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: string;

  @ApiPropertyOptional({ enum: VILLAGE_CATEGORIES })
  @IsOptional()
  @IsIn(VILLAGE_CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'current star rating' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  stars?: number;
}
