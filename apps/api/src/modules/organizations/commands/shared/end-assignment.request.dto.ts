import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

/** The end of an assignment to a village: a first secretary, a resident work team, an instructor. */
export class EndAssignmentRequestDto {
  @ApiProperty({
    example: '2026-02-28',
    description: 'from the start of the assignment up to today',
  })
  @IsBusinessDate()
  on: string;

  @ApiProperty({ example: '任期届满' })
  @PlainText(1, 500, { multiline: true })
  reason: string;
}
