/** The read store's server could not be reached, or did not answer in time: retry later. */
export class ReadStoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';

  constructor(
    readonly engine: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${engine} read store unavailable: ${detail}`, options);
    this.name = 'ReadStoreUnavailableError';
  }
}
