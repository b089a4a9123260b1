import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class RecordMemberCountRequestDto {
  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1949)
  @Max(2200)
  year: number;

  @ApiProperty({ example: 46 })
  @IsInt()
  @Min(0)
  count: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  ruralCount?: number;
}
