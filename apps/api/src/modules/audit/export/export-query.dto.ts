import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ReadQueryDto } from '../../../read-side/paged-query.dto';

export class ExportQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({
    description:
      'Events recorded at or after this instant, or from the start of this day (YYYY-MM-DD, Beijing time)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    description:
      'Events recorded before this instant, or up to the end of this day (YYYY-MM-DD, Beijing time)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ example: 'pairing-' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9:._-]+$/, { message: 'streamPrefix must be the start of stream ids' })
  streamPrefix?: string;
}
