import { ValidationError } from 'class-validator';
import { BODY_LIMITS } from '../body/body-limits';

export interface FieldError {
  field: string;
  message: string;
}

/** Invalid fields of a request, by dotted path: the first few listed, all of them counted. */
export class InvalidInputError extends Error {
  readonly code = 'INVALID_INPUT';
  readonly errors: FieldError[];
  readonly errorCount: number;

  constructor(errors: FieldError[]) {
    const listed = errors.slice(0, BODY_LIMITS.maxListedErrors);
    const more = errors.length > listed.length ? ` and ${errors.length - listed.length} more` : '';
    super(
      `${errors.length} invalid field(s): ${[...new Set(listed.map((e) => e.field))].join(', ')}${more}`,
    );
    this.errors = listed;
    this.errorCount = errors.length;
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
