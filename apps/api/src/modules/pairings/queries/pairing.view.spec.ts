import type { ReadDocument } from '@gongjian/read-store';
import { toPairingView } from './pairing.view';

const pairing: ReadDocument = {
  _id: 'p-1',
  _pos: '00000000000000000009',
  revision: 3,
  id: 'p-1',
  urbanOrganizationId: 'org-zzb',
  ruralOrganizationId: 'v-01',
  organizationIds: ['org-zzb', 'v-01'],
  townships: ['T01', 'T00'],
  recordStatus: 'active',
  startsOn: '2026-01-15',
  endsOn: '2026-03-31',
  principleMatched: true,
  commitments: { fundsFen: 100, projects: 2, activists: 3 },
  deliveries: { 'projects:pr-1': { kind: 'projects', quantity: 1 } },
  delivered: { fundsFen: 0, projects: 1, activists: 1 },
  months: { '2026-02': { guidanceDates: ['2026-02-02'], collectiveDates: [], otherActivities: 2 } },
  activityCount: 3,
};

describe('the Pairing read shape', () => {
  it('is active within its term, with every month of the term so far', () => {
    const view = toPairingView(pairing, 2, '2026-02-20');
    expect(view).toMatchObject({
      id: 'p-1',
      status: 'active',
      revision: 3,
      delivered: { fundsFen: 0, projects: 1, activists: 3 },
      activitiesByMonth: [
        { month: '2026-01', guidanceDays: 0, otherActivities: 0 },
        { month: '2026-02', guidanceDays: 1, otherActivities: 2, meetsTargets: false },
      ],
    });
    for (const internal of ['_id', '_pos', 'recordStatus', 'deliveries', 'months', 'townships']) {
      expect(view).not.toHaveProperty(internal);
    }
  });

  it('is expired once today is past the end of the term, and lists the whole term', () => {
    const view = toPairingView(pairing, 0, '2026-06-01');
    expect(view.status).toBe('expired');
    expect(view.activitiesByMonth.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('is dissolved once dissolved, whatever the date, and its months stop there', () => {
    const view = toPairingView(
      { ...pairing, recordStatus: 'dissolved', dissolvedOn: '2026-02-10' },
      0,
      '2026-06-01',
    );
    expect(view.status).toBe('dissolved');
    expect(view.activitiesByMonth.map((m) => m.month)).toEqual(['2026-01', '2026-02']);
  });
});
