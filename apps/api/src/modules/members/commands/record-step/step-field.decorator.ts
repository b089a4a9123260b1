import { registerDecorator, ValidateIf } from 'class-validator';
import { MEMBER_STEPS, MemberStep } from '@gongjian/domain';

type StepBody = { step?: unknown } & Record<string, unknown>;

const isKnownStep = (step: unknown): step is MemberStep =>
  (MEMBER_STEPS as readonly unknown[]).includes(step);

export interface StepFieldOptions {
  /** Required for these steps (default: optional). */
  required?: boolean;
  /** Finer requirement, e.g. "days unless hours": applies only when `required` is set. */
  requiredWhen?: (body: StepBody) => boolean;
  /** Message when required and missing. */
  requiredMessage?: string;
}

/**
 * A field of `POST /members/{id}/steps` that belongs to some steps only. The field's own
 * validators run when it is present, or when it is missing but required by the step; a field
 * present on a step it does not belong to is refused (as an unknown field would be), so each
 * step takes exactly its fields from the step table.
 */
export function StepField(
  steps: readonly MemberStep[],
  options: StepFieldOptions = {},
): PropertyDecorator {
  const requiredFor = (body: StepBody) =>
    options.required === true &&
    isKnownStep(body.step) &&
    steps.includes(body.step) &&
    (options.requiredWhen?.(body) ?? true);
  return (target, key) => {
    const property = String(key);
    ValidateIf((body: StepBody) => body[property] !== undefined || requiredFor(body))(target, key);
    registerDecorator({
      name: 'stepField',
      target: target.constructor,
      propertyName: property,
      options: {
        message: ({ object }) => {
          const body = object as StepBody;
          if (body[property] === undefined) {
            return options.requiredMessage ?? `${property} is required for step ${body.step}`;
          }
          return `${property} does not apply to step ${body.step} (only to ${steps.join(', ')})`;
        },
      },
      validator: {
        validate: (value: unknown, args) => {
          const body = (args?.object ?? {}) as StepBody;
          // An unknown step is reported on `step` alone.
          if (!isKnownStep(body.step)) return true;
          if (value === undefined) return !requiredFor(body);
          return steps.includes(body.step);
        },
      },
    });
  };
}
