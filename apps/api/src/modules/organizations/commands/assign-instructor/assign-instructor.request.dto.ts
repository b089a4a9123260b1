import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { RESOURCE_ID } from '../../../../http/validation/resource-id';
import { PlainText } from '../../../../http/validation/plain-text.decorator';
import { AssignmentTermRequestDto } from '../shared/assignment-term.request.dto';

export class AssignInstructorRequestDto extends AssignmentTermRequestDto {
  @ApiPropertyOptional({
    description: 'Chosen by the client, or assigned; the same instructor again is a no-op',
  })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  instructorId?: string;

  @ApiProperty({ description: '党建指导员', example: '陈静' })
  @PlainText(1, 100)
  name: string;
}
