import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PROJECT_CATEGORIES, ProjectCategory } from '@gongjian/domain';
import { IsAmountFen } from '../../../../http/validation/is-amount-fen.decorator';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
import { RESOURCE_ID } from '../../../../http/validation/resource-id';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

export class LaunchProjectRequestDto {
  @ApiPropertyOptional({ description: 'Chosen by the client, or assigned' })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  id?: string;

  @ApiProperty({ description: 'an active pairing' })
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  pairingId: string;

  @ApiProperty({ example: '东坪村食用菌种植基地' })
  @PlainText(1, 200)
  name: string;

  @ApiProperty({ enum: PROJECT_CATEGORIES, description: '经济发展类/基础设施类' })
  @IsIn(PROJECT_CATEGORIES)
  category: ProjectCategory;

  @ApiProperty({ description: 'integer fen', example: 50_000_000 })
  @IsAmountFen()
  plannedInvestmentFen: number;

  @ApiProperty({ example: '2026-04-01', description: 'within the pairing term' })
  @IsBusinessDate()
  startsOn: string;
}
