import { ValidationError } from 'class-validator';

export interface FieldError {
  field: string;
  message: string;
}

/** Every invalid field of a request, by dotted path. */
export class InvalidInputError extends Error {
  readonly code = 'INVALID_INPUT';
  constructor(readonly errors: FieldError[]) {
    super(`${errors.length} invalid field(s): ${errors.map((e) => e.field).join(', ')}`);
  }

  static fromValidation(errors: ValidationError[]): InvalidInputError {
    return new InvalidInputError(flatten(errors, ''));
  }
}

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
