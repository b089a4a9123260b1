import {
  DomainEvent,
  fold,
  OrganizationEvent,
  OrganizationLevel,
  organizationStreamId,
} from '@gongjian/domain';
import { DecisionRunner } from '@gongjian/write-side';
import { approvingCommitteeOf } from './approving-committee';

const registered = (
  id: string,
  level: OrganizationLevel,
  parentId?: string,
): OrganizationEvent => ({
  type: 'OrganizationRegistered',
  data: {
    organizationId: id,
    name: id,
    level,
    sector: level === 'committee' ? 'township' : 'village',
    township: 'T01',
    ...(parentId !== undefined && { parentId }),
  },
});

/** A runner that folds the streams of the given organizations (nothing else is read). */
function runnerOf(...events: OrganizationEvent[]): DecisionRunner {
  const streams = new Map<string, OrganizationEvent[]>();
  for (const e of events) {
    const id = organizationStreamId(e.data.organizationId);
    streams.set(id, [...(streams.get(id) ?? []), e]);
  }
  return {
    load: async <S, E extends DomainEvent>(
      streamId: string,
      decider: { evolve: (s: S, e: E) => S; initialState: () => S },
    ) => ({
      state: fold(decider, (streams.get(streamId) ?? []) as unknown as E[]),
      revision: 0,
    }),
  } as unknown as DecisionRunner;
}

describe('the committee with authority over a branch (细则 art. 30: its 党委)', () => {
  it('is the parent committee of a village branch', async () =>
    expect(
      await approvingCommitteeOf(
        runnerOf(registered('town', 'committee'), registered('v1', 'branch', 'town')),
        'v1',
      ),
    ).toBe('town'));

  it('is found through a general branch', async () =>
    expect(
      await approvingCommitteeOf(
        runnerOf(
          registered('town', 'committee'),
          registered('gb', 'general_branch', 'town'),
          registered('v1', 'branch', 'gb'),
        ),
        'v1',
      ),
    ).toBe('town'));

  it('is none for a branch without a parent, or whose parent is not registered', async () => {
    expect(await approvingCommitteeOf(runnerOf(registered('v1', 'branch')), 'v1')).toBeUndefined();
    expect(
      await approvingCommitteeOf(runnerOf(registered('v1', 'branch', 'nowhere')), 'v1'),
    ).toBeUndefined();
  });

  it('is none when no committee sits above the general branches', async () =>
    expect(
      await approvingCommitteeOf(
        runnerOf(registered('gb', 'general_branch'), registered('v1', 'branch', 'gb')),
        'v1',
      ),
    ).toBeUndefined());
});
