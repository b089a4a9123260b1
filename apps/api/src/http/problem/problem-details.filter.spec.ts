import type { ArgumentsHost } from '@nestjs/common';
import { DomainError } from '@gongjian/domain';
import { ProblemDetailsFilter } from './problem-details.filter';

/** The body the filter sends for an error, through a reply that only records it. */
function problemFor(error: unknown): Record<string, unknown> {
  let sent: Record<string, unknown> = {};
  const reply = {
    status: () => reply,
    header: () => reply,
    send: (body: Record<string, unknown>) => {
      sent = body;
      return reply;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(error, host);
  return sent;
}

describe('problem details of a domain refusal', () => {
  it('gives the field errors of its details as top-level errors, and keeps the details', () => {
    const errors = [{ field: 'parts', message: "the parts' weights add up to 90, not 100" }];
    const body = problemFor(
      new DomainError('RULE_SET_INVALID', 'the rule set does not hold together', { errors }),
    );
    expect(body).toMatchObject({
      status: 422,
      code: 'RULE_SET_INVALID',
      errors,
      details: { errors },
    });
  });

  it('adds no errors when the details carry none, or carry something else under that name', () => {
    const plain = problemFor(new DomainError('BUDGET_EXCEEDED', 'over budget', { remaining: 5 }));
    expect(plain).toMatchObject({ status: 422, details: { remaining: 5 } });
    expect(plain).not.toHaveProperty('errors');

    const odd = problemFor(new DomainError('SOME_RULE', 'refused', { errors: ['not a field'] }));
    expect(odd).toMatchObject({ details: { errors: ['not a field'] } });
    expect(odd).not.toHaveProperty('errors');
  });
});
