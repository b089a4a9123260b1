import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
import { RESOURCE_ID } from '../../../../http/validation/resource-id';

/** Who sends someone to a village and for how long: first secretaries, work teams, instructors. */
export class AssignmentTermRequestDto {
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
