import { organizationDecider, organizationStreamId } from '@gongjian/domain';
import { DecisionRunner } from '@gongjian/write-side';

/** How far up the tree a committee is looked for (branch → general branch → committee). */
const MAX_LEVELS = 4;

/**
 * The Party committee (党委, level `committee`) with authority over an organization: the
 * nearest committee above it in the organization tree (through a general branch if there is
 * one), or undefined when none is registered above it. The decider refuses approvals then.
 */
export async function approvingCommitteeOf(
  runner: DecisionRunner,
  organizationId: string,
): Promise<string | undefined> {
  let parentId = await parentOf(runner, organizationId);
  for (let level = 0; parentId !== undefined && level < MAX_LEVELS; level++) {
    const { state } = await runner.load(organizationStreamId(parentId), organizationDecider);
    if (!state.exists) return undefined;
    if (state.level === 'committee') return state.id;
    parentId = state.parentId;
  }
  return undefined;
}

async function parentOf(runner: DecisionRunner, organizationId: string) {
  const { state } = await runner.load(organizationStreamId(organizationId), organizationDecider);
  return state.exists ? state.parentId : undefined;
}
