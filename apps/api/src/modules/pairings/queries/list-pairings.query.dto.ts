import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PAIRING_STATUSES } from '@gongjian/domain';
import { PagedQueryDto } from '../../../read-side/paged-query.dto';

export class ListPairingsQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ description: 'either side of the pairing' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  organizationId?: string;

  @ApiPropertyOptional({ enum: PAIRING_STATUSES })
  @IsOptional()
  @IsIn(PAIRING_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'the township of either side' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  township?: string;
}
