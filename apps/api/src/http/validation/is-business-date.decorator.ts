import { registerDecorator, ValidationOptions } from 'class-validator';
import { isBusinessDate } from '@gongjian/domain';

/** A real calendar date written YYYY-MM-DD. */
export function IsBusinessDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isBusinessDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a date YYYY-MM-DD', ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isBusinessDate(value),
      },
    });
}
