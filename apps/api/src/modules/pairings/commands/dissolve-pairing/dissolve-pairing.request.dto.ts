import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

export class DissolvePairingRequestDto {
  @ApiProperty({ example: '村党组织已转化提升，经县委组织部同意解除结对' })
  @PlainText(1, 500, { multiline: true })
  reason: string;

  @ApiProperty({
    example: '2026-06-30',
    description: 'not in the future, nor before the last activity',
  })
  @IsBusinessDate()
  on: string;
}
