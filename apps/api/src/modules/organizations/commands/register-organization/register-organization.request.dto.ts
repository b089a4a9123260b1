import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import {
  DEPARTMENT_KINDS,
  DepartmentKind,
  ORGANIZATION_LEVELS,
  OrganizationLevel,
  SECTORS,
  Sector,
} from '@gongjian/domain';
import { RESOURCE_ID } from '../../../../http/validation/resource-id';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

export class RegisterOrganizationRequestDto {
  @ApiPropertyOptional({ description: 'Chosen by the client, or assigned' })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  id?: string;

  @ApiProperty({ example: '县委组织部机关党支部' })
  @PlainText(1, 200)
  name: string;

  @ApiProperty({ enum: ORGANIZATION_LEVELS, description: '党委/党总支/党支部/党工委' })
  @IsIn(ORGANIZATION_LEVELS)
  level: OrganizationLevel;

  @ApiProperty({ enum: SECTORS })
  @IsIn(SECTORS)
  sector: Sector;

  @ApiPropertyOptional({
    enum: DEPARTMENT_KINDS,
    description:
      '党群/政法/经济/涉农/other: required for organs, optional for institutions (事业单位)',
  })
  @IsOptional()
  @IsIn(DEPARTMENT_KINDS)
  departmentKind?: DepartmentKind;

  @ApiProperty({ example: 'T01' })
  @PlainText(1, 64)
  township: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  parentId?: string;

  @ApiPropertyOptional({
    example: '2019-07-01',
    description:
      'When the organization was founded or first recorded, if before today (entering records of earlier years): its registration counts from that date, e.g. in the star ratings of those years. Default: today.',
  })
  @IsOptional()
  @IsBusinessDate()
  registeredOn?: string;
}
