/**
 * A business rule refused a command. `code` is stable and reaches API clients
 * (problem+json `code`); the message is for people.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The command names something that does not exist (HTTP 404). */
export class NotFoundError extends DomainError {
  constructor(kind: string, id: string) {
    super(`${kind.toUpperCase()}_NOT_FOUND`, `${kind} ${id} does not exist`, { kind, id });
    this.name = 'NotFoundError';
  }
}
