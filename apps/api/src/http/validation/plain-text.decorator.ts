import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Length, registerDecorator, ValidationOptions } from 'class-validator';

/**
 * What a stored text may not hold: control characters (line breaks only where the field is
 * multi-line), bidi controls that reorder what an inspector reads, zero-width characters that
 * make two names look the same, and lone surrogates that no encoder can write.
 */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const CONTROL_BUT_LINES = /(?![\t\n\r])[\p{Cc}\u2028\u2029]/u;
const BIDI = /\p{Bidi_Control}/u;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/u;
/** In a `u` regex only an unpaired surrogate is a code point of category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

export interface PlainTextOptions {
  /** Line breaks and tabs allowed (reasons, notes, summaries). */
  multiline?: boolean;
  /** The field is a list of texts. */
  each?: boolean;
}

/** Why `text` may not be stored, or undefined when it may. */
export function plainTextProblem(text: string, multiline = false): string | undefined {
  if ((multiline ? CONTROL_BUT_LINES : CONTROL).test(text)) {
    return multiline ? 'control characters' : 'control characters or line breaks';
  }
  if (BIDI.test(text)) return 'bidirectional control characters';
  if (ZERO_WIDTH.test(text)) return 'zero-width characters';
  if (LONE_SURROGATE.test(text)) return 'unpaired surrogates';
  return undefined;
}

const nfc = (value: unknown): unknown =>
  typeof value === 'string'
    ? value.normalize('NFC')
    : Array.isArray(value)
      ? value.map(nfc)
      : value;

/**
 * Free text (names, townships, references, reasons): NFC-normalised, then a string of
 * `min`–`max` characters without the characters above.
 */
export function PlainText(min: number, max: number, options: PlainTextOptions = {}) {
  const each = options.each === true;
  return applyDecorators(
    Transform(({ value }) => nfc(value)),
    IsString({ each }),
    Length(min, max, { each }),
    IsPlainText(options.multiline === true, { each }),
  );
}

function IsPlainText(multiline: boolean, options: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPlainText',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        ...options,
        message: ({ value }) => {
          const values: unknown[] = Array.isArray(value) ? value : [value];
          const problem = values
            .map((v) => (typeof v === 'string' ? plainTextProblem(v, multiline) : undefined))
            .find((p) => p !== undefined);
          return `${String(propertyName)} may not contain ${problem ?? 'these characters'}`;
        },
      },
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || plainTextProblem(value, multiline) === undefined,
      },
    });
}
