import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { PagedQueryDto } from '../../../read-side/paged-query.dto';

export class ListAuditEventsQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ example: 'pairing-p-1' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  streamId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  organizationId?: string;

  @ApiPropertyOptional({ example: 'BranchPaired' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  type?: string;

  @ApiPropertyOptional({ description: 'actor id, e.g. operator:<key name>' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({
    description:
      'recorded at or after this instant (ISO-8601), or from the start of this day (YYYY-MM-DD, Beijing time)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    description:
      'recorded before this instant (ISO-8601), or up to the end of this day (YYYY-MM-DD, Beijing time)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
