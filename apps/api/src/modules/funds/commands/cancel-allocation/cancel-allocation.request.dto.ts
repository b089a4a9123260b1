import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CancelAllocationRequestDto {
  @ApiProperty({ example: '项目取消' })
  @IsString()
  @Length(1, 500)
  reason: string;
}
