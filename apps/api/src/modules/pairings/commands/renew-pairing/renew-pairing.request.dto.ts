import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';

export class RenewPairingRequestDto {
  @ApiProperty({ example: '2029-12-31', description: 'later than the current end of the term' })
  @IsBusinessDate('termEnd')
  endsOn: string;
}
