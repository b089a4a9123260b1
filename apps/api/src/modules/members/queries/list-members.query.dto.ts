import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MEMBER_STAGES } from '@gongjian/domain';
import { PagedQueryDto } from '../../../read-side/paged-query.dto';

export class ListMembersQueryDto extends PagedQueryDto {
  @ApiPropertyOptional({ description: 'the lead organization' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  organizationId?: string;

  @ApiPropertyOptional({
    description:
      'the partner organization of dual cultivation (双重培养, 流入地): the members it cultivates with their lead organization',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  partnerOrganizationId?: string;

  @ApiPropertyOptional({ enum: MEMBER_STAGES })
  @IsOptional()
  @IsIn(MEMBER_STAGES)
  stage?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: an obligation is past its due date today; false: none is',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
}
