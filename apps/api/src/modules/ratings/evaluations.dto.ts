import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PERIOD_PATTERN, RULE_SET_ID_PATTERN } from '@gongjian/evaluation';
import { PlainText } from '../../http/validation/plain-text.decorator';

export class StartEvaluationRequestDto {
  @ApiProperty({ example: '2025', description: 'the rating period (a year)' })
  @Matches(PERIOD_PATTERN, { message: 'period must be a year, YYYY' })
  period: string;

  @ApiPropertyOptional({ description: 'default: the configured rule set (county-default)' })
  @IsOptional()
  @Matches(RULE_SET_ID_PATTERN, { message: 'ruleSetId must be a rule set id' })
  ruleSetId?: string;

  @ApiPropertyOptional({
    description:
      'log position to rate up to; default: the cut-off of an earlier run of the period with the same rules, else the end of the log',
  })
  @IsOptional()
  @Matches(/^\d{20}$/, { message: 'cutoff must be a log position (20 digits)' })
  cutoff?: string;
}

export class RecordVetoRequestDto {
  @ApiProperty({ example: '2025' })
  @Matches(PERIOD_PATTERN, { message: 'period must be a year, YYYY' })
  period: string;

  @ApiProperty({ example: '村“两委”成员违纪被立案审查' })
  @PlainText(1, 1000, { multiline: true })
  reason: string;
}

export class RecordAppraisalRequestDto {
  @ApiProperty({ example: '2025' })
  @Matches(PERIOD_PATTERN, { message: 'period must be a year, YYYY' })
  period: string;

  @ApiProperty({ example: 86, description: '民主评议 score out of 100' })
  @IsInt()
  @Min(0)
  @Max(100)
  score: number;

  @ApiPropertyOptional({ example: 120 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  respondents?: number;
}

export class ReasonRequestDto {
  @ApiProperty()
  @PlainText(1, 1000, { multiline: true })
  reason: string;
}
