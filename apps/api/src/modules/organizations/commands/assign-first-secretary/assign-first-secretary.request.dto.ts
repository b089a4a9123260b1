import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
import { RESOURCE_ID } from '../../../../http/validation/resource-id';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

export class AssignFirstSecretaryRequestDto {
  @ApiProperty({ description: '第一书记' })
  @PlainText(1, 100)
  name: string;

  @ApiPropertyOptional({ description: 'the dispatching organization' })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  fromOrganizationId?: string;

  @ApiProperty({ example: '2026-01-01' })
  @IsBusinessDate()
  startsOn: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBusinessDate('termEnd')
  endsOn?: string;

  @ApiPropertyOptional({
    description:
      'the current first secretary this one replaces (must name them; 422 FIRST_SECRETARY_MISMATCH); without it a current one is replaced all the same, ending on startsOn',
  })
  @IsOptional()
  @PlainText(1, 100)
  replaces?: string;
}
