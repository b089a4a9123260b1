import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsAmountFen } from '../../../../http/validation/is-amount-fen.decorator';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
import { RESOURCE_ID } from '../../../../http/validation/resource-id';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

export class ContactLeaderDto {
  @ApiProperty({ description: '联系领导', example: '王强' })
  @PlainText(1, 100)
  name: string;

  @ApiProperty({ example: '县委常委、宣传部部长' })
  @PlainText(1, 200)
  title: string;
}

export class CommitmentsDto {
  @ApiProperty({ description: 'funds committed over the term, integer fen', example: 10_000_000 })
  @IsAmountFen()
  fundsFen: number;

  @ApiProperty({ description: 'projects committed over the term', example: 2 })
  @IsInt()
  @Min(0)
  @Max(1000)
  projects: number;

  @ApiProperty({ description: 'activists (入党积极分子) to cultivate over the term', example: 3 })
  @IsInt()
  @Min(0)
  @Max(1000)
  activists: number;
}

export class PairBranchRequestDto {
  @ApiPropertyOptional({ description: 'Chosen by the client, or assigned' })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  id?: string;

  @ApiProperty({ description: 'the urban side: an organ, institution, enterprise, school, …' })
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  urbanOrganizationId: string;

  @ApiProperty({ description: 'the rural side: a village or community' })
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  ruralOrganizationId: string;

  @ApiProperty({ type: ContactLeaderDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ContactLeaderDto)
  contactLeader: ContactLeaderDto;

  @ApiProperty({ example: '2026-01-01' })
  @IsBusinessDate()
  startsOn: string;

  @ApiProperty({ example: '2028-12-31' })
  @IsBusinessDate('termEnd')
  endsOn: string;

  @ApiProperty({ type: CommitmentsDto, description: '共建责任书 commitments' })
  @IsObject()
  @ValidateNested()
  @Type(() => CommitmentsDto)
  commitments: CommitmentsDto;

  @ApiPropertyOptional({
    description: 'why the pairing departs from the matching principle (required when it does)',
  })
  @IsOptional()
  @PlainText(1, 500, { multiline: true })
  principleOverrideReason?: string;
}
