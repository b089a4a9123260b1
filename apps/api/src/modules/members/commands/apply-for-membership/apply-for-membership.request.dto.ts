import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsNotEmptyObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
import { RESOURCE_ID } from '../../../../http/validation/resource-id';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

/** 18 characters (17 digits and a check digit or X) or the old 15 digits. */
export const ID_NUMBER = /^(?:\d{17}[\dXx]|\d{15})$/;
/** Mobile or landline, digits with an optional + and dashes or spaces. */
export const PHONE = /^\+?\d[\d -]{5,18}\d$/;

export class PersonRequestDto {
  @ApiProperty({ example: '张三' })
  @PlainText(1, 100)
  name: string;

  @ApiProperty({ example: 'female' })
  @PlainText(1, 32)
  gender: string;

  @ApiProperty({ example: '1995-03-15' })
  @IsBusinessDate('birth')
  birthDate: string;

  @ApiProperty({ example: '大专' })
  @PlainText(1, 64)
  education: string;

  @ApiPropertyOptional({ description: 'personal data: encrypted at rest, masked for inspectors' })
  @IsOptional()
  @Matches(ID_NUMBER, { message: '$property must be a resident identity number' })
  idNumber?: string;

  @ApiPropertyOptional({ description: 'personal data: encrypted at rest, masked for inspectors' })
  @IsOptional()
  @Matches(PHONE, { message: '$property must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ example: '务工' })
  @IsOptional()
  @PlainText(1, 100)
  occupation?: string;

  @ApiPropertyOptional({ description: '外出务工: dual cultivation with partnerOrganizationId' })
  @IsOptional()
  @IsBoolean()
  migrantWorker?: boolean;
}

export class ApplyForMembershipRequestDto {
  @ApiPropertyOptional({ description: 'Chosen by the client, or assigned' })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  id?: string;

  @ApiProperty({ description: 'the (lead) Party organization' })
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  organizationId: string;

  @ApiProperty({
    description: 'date of the written application (入党申请书)',
    example: '2024-03-01',
  })
  @IsBusinessDate()
  appliedOn: string;

  @ApiProperty({ type: PersonRequestDto })
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => PersonRequestDto)
  person: PersonRequestDto;

  @ApiPropertyOptional({
    description: 'with person.migrantWorker: the partner organization (两地培养)',
  })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  partnerOrganizationId?: string;

  @ApiPropertyOptional({
    description:
      'the pairing that cultivates the member (结对培养), a pairing of organizationId as its village: the activists it develops count as its delivery',
  })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  pairingId?: string;
}
