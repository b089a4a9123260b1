/** A refusal that already knows its status and stable code (malformed body, bad header, 405). */
export class HttpProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
