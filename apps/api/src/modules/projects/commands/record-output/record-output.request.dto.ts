import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { OUTPUT_KINDS, OUTPUT_UNITS, OutputKind, OutputUnit } from '@gongjian/domain';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
import { RESOURCE_ID } from '../../../../http/validation/resource-id';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

export class RecordOutputRequestDto {
  @ApiPropertyOptional({
    description: 'Chosen by the client, or assigned; the same id with the same content is a no-op',
  })
  @IsOptional()
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  outputId?: string;

  @ApiProperty({
    enum: OUTPUT_KINDS,
    description:
      '道路 (road) / 路灯 (street_light) / 广场 (square) / 活动场所 (office) / 公厕 (toilet) / other',
  })
  @IsIn(OUTPUT_KINDS)
  kind: OutputKind;

  @ApiProperty({ description: 'a positive whole number', example: 1_200 })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  quantity: number;

  @ApiProperty({
    enum: OUTPUT_UNITS,
    description:
      'road: metre or square_metre; street_light, toilet: item; square, office: square_metre or item (422 OUTPUT_UNIT_NOT_APPLICABLE)',
  })
  @IsIn(OUTPUT_UNITS)
  unit: OutputUnit;

  @ApiPropertyOptional({ description: 'required for kind other', example: '宣传栏' })
  @IsOptional()
  @PlainText(1, 200)
  description?: string;

  @ApiProperty({ example: '2026-05-30', description: 'up to today' })
  @IsBusinessDate()
  on: string;
}
