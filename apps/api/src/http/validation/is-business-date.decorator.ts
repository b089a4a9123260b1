import { registerDecorator, ValidationOptions } from 'class-validator';
import { dateWindow, DateWindowName, isBusinessDate, isInDateWindow } from '@gongjian/domain';

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** A real calendar date written YYYY-MM-DD, inside the plausible window of its kind of field. */
export function IsBusinessDate(
  window: DateWindowName = 'record',
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isBusinessDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: () => {
          const { from, to } = dateWindow(window, todayUtc());
          return `${String(propertyName)} must be a date YYYY-MM-DD from ${from} to ${to}`;
        },
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          isBusinessDate(value) &&
          isInDateWindow(value, window, todayUtc()),
      },
    });
}
