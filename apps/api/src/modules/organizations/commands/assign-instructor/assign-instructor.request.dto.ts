import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
import { RESOURCE_ID } from '../../../../http/validation/resource-id';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

export class AssignInstructorRequestDto {
  @ApiPropertyOptional({
    description: 'Chosen by the client, or assigned; the same instructor again is a no-op',
  })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  instructorId?: string;

  @ApiProperty({ description: '党建指导员', example: '陈静' })
  @PlainText(1, 100)
  name: string;

  @ApiPropertyOptional({ description: 'the dispatching organization' })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  fromOrganizationId?: string;

  @ApiProperty({ example: '2026-03-01' })
  @IsBusinessDate()
  startsOn: string;

  @ApiPropertyOptional({ example: '2028-02-29' })
  @IsOptional()
  @IsBusinessDate('termEnd')
  endsOn?: string;
}
