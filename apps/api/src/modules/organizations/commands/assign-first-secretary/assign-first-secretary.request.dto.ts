import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PlainText } from '../../../../http/validation/plain-text.decorator';
import { AssignmentTermRequestDto } from '../shared/assignment-term.request.dto';

export class AssignFirstSecretaryRequestDto extends AssignmentTermRequestDto {
  @ApiProperty({ description: '第一书记' })
  @PlainText(1, 100)
  name: string;

  @ApiPropertyOptional({
    description:
      'the current first secretary this one replaces (must name them; 422 FIRST_SECRETARY_MISMATCH); without it a current one is replaced all the same, ending on startsOn',
  })
  @IsOptional()
  @PlainText(1, 100)
  replaces?: string;
}
