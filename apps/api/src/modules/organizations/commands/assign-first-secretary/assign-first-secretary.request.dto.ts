import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';

export class AssignFirstSecretaryRequestDto {
  @ApiProperty({ description: '第一书记' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({ description: 'the dispatching organization' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  fromOrganizationId?: string;

  @ApiProperty({ example: '2026-01-01' })
  @IsBusinessDate()
  startsOn: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBusinessDate()
  endsOn?: string;
}
