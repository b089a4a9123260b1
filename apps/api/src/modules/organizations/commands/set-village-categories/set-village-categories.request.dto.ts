import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { VILLAGE_CATEGORIES, VillageCategory } from '@gongjian/domain';
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
}
