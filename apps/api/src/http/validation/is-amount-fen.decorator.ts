import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_AMOUNT_FEN } from '@gongjian/domain';

/** Money is integer fen (分): no fractions, no negatives, up to the domain's ceiling. */
export function IsAmountFen(min = 0): PropertyDecorator {
  return applyDecorators(
    IsInt({ message: '$property must be an integer amount in fen' }),
    Min(min),
    Max(MAX_AMOUNT_FEN),
  );
}
