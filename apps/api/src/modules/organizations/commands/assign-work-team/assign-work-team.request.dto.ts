import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { RESOURCE_ID } from '../../../../http/validation/resource-id';
import { PlainText } from '../../../../http/validation/plain-text.decorator';
import { AssignmentTermRequestDto } from '../shared/assignment-term.request.dto';

export class AssignWorkTeamRequestDto extends AssignmentTermRequestDto {
  @ApiPropertyOptional({
    description: 'Chosen by the client, or assigned; the same team again is a no-op',
  })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  teamId?: string;

  @ApiProperty({ description: 'leader of the 驻村工作队 (队长)', example: '赵刚' })
  @PlainText(1, 100)
  leaderName: string;

  @ApiPropertyOptional({ description: 'members of the team', example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  memberCount?: number;
}
