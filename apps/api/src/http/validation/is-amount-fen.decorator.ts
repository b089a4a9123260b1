import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';

/** Money is integer fen (分): no fractions, no negatives, within safe integers. */
export function IsAmountFen(min = 0): PropertyDecorator {
  return applyDecorators(
    IsInt({ message: '$property must be an integer amount in fen' }),
    Min(min),
    Max(Number.MAX_SAFE_INTEGER),
  );
}
