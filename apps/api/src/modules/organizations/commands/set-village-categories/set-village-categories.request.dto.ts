import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import { VILLAGE_CATEGORIES, VillageCategory } from '@gongjian/domain';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

export class SetVillageCategoriesRequestDto {
  @ApiProperty({
    enum: VILLAGE_CATEGORIES,
    isArray: true,
    description: '软弱涣散/乱村/贫困/产业示范/空壳村/环境脏乱/革命老区',
  })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(VILLAGE_CATEGORIES.length)
  @IsIn(VILLAGE_CATEGORIES, { each: true })
  categories: VillageCategory[];

  @ApiProperty()
  @PlainText(1, 500, { multiline: true })
  reason: string;

  @ApiPropertyOptional({
    example: '2025-03-01',
    description:
      'The day the categories take effect (e.g. the date of the annual assessment), not after today. Default: today. A year’s reports and star ratings take the categories as they stood at its end.',
  })
  @IsOptional()
  @IsBusinessDate()
  on?: string;
}
