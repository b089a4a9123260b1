/** A refusal that already knows its status and stable code (malformed body, bad header). */
export class HttpProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
