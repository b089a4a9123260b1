import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';

export class DissolvePairingRequestDto {
  @ApiProperty({ example: '村党组织已转化提升，经县委组织部同意解除结对' })
  @IsString()
  @Length(1, 500)
  reason: string;

  @ApiProperty({
    example: '2026-06-30',
    description: 'not in the future, nor before the last activity',
  })
  @IsBusinessDate()
  on: string;
}
