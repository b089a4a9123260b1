import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PROJECT_CATEGORIES } from '@gongjian/domain';
import { PagedQueryDto } from '../../../read-side/paged-query.dto';

export class ListProjectsQueryDto extends PagedQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  pairingId?: string;

  @ApiPropertyOptional({ enum: PROJECT_CATEGORIES })
  @IsOptional()
  @IsIn(PROJECT_CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ description: 'the township of either side of its pairing' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  township?: string;
}
