import { assertJobId } from './job-id';
import { InvalidFlowError } from './job-queue.errors';
import type { FlowFailurePolicy, FlowRequest } from './job-queue.port';

const POLICIES: readonly FlowFailurePolicy[] = ['fail-parent', 'continue-parent'];

/** Throws unless the flow has children, valid distinct ids and a known failure policy. */
export function assertFlowRequest(flow: FlowRequest): void {
  if (!POLICIES.includes(flow.failurePolicy)) {
    throw new InvalidFlowError(
      `failurePolicy must be ${POLICIES.join(' or ')}, got ${JSON.stringify(flow.failurePolicy)}`,
    );
  }
  if (!Array.isArray(flow.children) || flow.children.length === 0) {
    throw new InvalidFlowError(`parent ${flow.parent?.jobId} has no children`);
  }
  const ids = [flow.parent, ...flow.children].map((job) => job.jobId);
  ids.forEach(assertJobId);
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new InvalidFlowError(`job id ${id} appears more than once`);
    seen.add(id);
  }
}
