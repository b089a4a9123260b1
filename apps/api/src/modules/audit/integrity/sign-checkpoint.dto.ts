import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class SignCheckpointDto {
  @ApiPropertyOptional({
    description: 'Why now, kept with the checkpoint',
    example: '巡察前固定证据',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}
