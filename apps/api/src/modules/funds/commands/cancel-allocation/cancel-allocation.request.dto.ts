import { ApiProperty } from '@nestjs/swagger';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

export class CancelAllocationRequestDto {
  @ApiProperty({ example: '项目取消' })
  @PlainText(1, 500, { multiline: true })
  reason: string;
}
