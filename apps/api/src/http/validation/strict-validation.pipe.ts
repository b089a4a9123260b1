import { ValidationPipe } from '@nestjs/common';
import { InvalidInputError } from './invalid-input.error';

/** Whitelist, refuse unknown fields, list every invalid field (400). */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => InvalidInputError.fromValidation(errors),
  });
}
