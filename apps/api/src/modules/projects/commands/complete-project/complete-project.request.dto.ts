import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';

export class CompleteProjectRequestDto {
  @ApiProperty({
    example: '2026-10-31',
    description: 'not before the start nor the last investment, not in the future',
  })
  @IsBusinessDate()
  on: string;
}
