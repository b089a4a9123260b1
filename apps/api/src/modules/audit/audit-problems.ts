import {
  AnchorConflictError,
  AnchorRefusedError,
  AnchorRequestReusedError,
  BundleRefusedError,
} from '@gongjian/audit';
import { HttpProblemError } from '../../http/problem/http-problem.error';

/** The audit's refusals as problem+json: 409 (422 for a reused key), with the code naming why. */
export function auditProblem(error: unknown): unknown {
  if (error instanceof AnchorRequestReusedError)
    return new HttpProblemError(422, error.code, error.message);
  if (
    error instanceof AnchorRefusedError ||
    error instanceof AnchorConflictError ||
    error instanceof BundleRefusedError
  ) {
    return new HttpProblemError(409, error.code, error.message);
  }
  return error;
}

export const streamNotFound = (streamId: string) =>
  new HttpProblemError(404, 'STREAM_NOT_FOUND', `the log has no stream ${streamId}`);
