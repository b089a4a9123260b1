import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class ReportQueryDto {
  @ApiProperty({
    description: 'The year of the table (business dates in that year)',
    example: 2025,
  })
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole year such as 2025' })
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ description: 'Only this township (乡镇) code', example: 'T01' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'township must be a township code' })
  township?: string;
}
