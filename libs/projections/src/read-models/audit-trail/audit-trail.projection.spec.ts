import {
  ORGANIZATION_EVENT_TYPES,
  PAIRING_EVENT_TYPES,
  PROJECT_EVENT_TYPES,
  MEMBER_EVENT_STEPS,
  RATING_EVENT_TYPES,
  RULE_SET_EVENT_TYPES,
  EVALUATION_RUN_EVENT_TYPES,
} from '@gongjian/domain';
import { eventLog } from '../shared/event-log.fixture';
import { documentsOf, projectInMemory } from '../shared/in-memory-projection';
import { AUDIT_EVENTS, auditTrailProjection } from './audit-trail.projection';
import { EVENT_TYPE_LABELS } from './event-type-labels';

const FUNDS_EVENT_TYPES = [
  'BudgetOpened',
  'BudgetIncreased',
  'BudgetReduced',
  'AllocationReserved',
  'AllocationReleased',
  'AllocationOpened',
  'DisbursementRecorded',
  'ExpenditureRecorded',
  'AllocationReduced',
  'AllocationCancelled',
  'OrphanReservationReleased',
  'MissingReleaseRecorded',
];

describe('the audit trail read model', () => {
  it('has a Chinese label for every event type of the domain', () => {
    const types = [
      ...ORGANIZATION_EVENT_TYPES,
      ...PAIRING_EVENT_TYPES,
      ...PROJECT_EVENT_TYPES,
      ...FUNDS_EVENT_TYPES,
      ...Object.keys(MEMBER_EVENT_STEPS),
      ...RATING_EVENT_TYPES,
      ...RULE_SET_EVENT_TYPES,
      ...EVALUATION_RUN_EVENT_TYPES,
    ];
    for (const type of types) {
      expect([type, (EVENT_TYPE_LABELS as Record<string, string>)[type]]).toEqual([
        type,
        expect.stringMatching(/\p{Script=Han}/u),
      ]);
    }
    expect(Object.keys(EVENT_TYPE_LABELS).sort()).toEqual([...new Set(types)].sort());
  });

  it('flattens each event with its organizations, actor and times', () => {
    const log = eventLog();
    log.add(
      'pairing-p-1',
      'BranchPaired',
      { pairingId: 'p-1', urbanOrganizationId: 'org-zzb', ruralOrganizationId: 'v-01' },
      {
        actor: { id: 'operator:clerk-t01', role: 'operator' },
        occurredAt: '2026-02-28T16:00:00.000Z',
      },
    );
    log.add('member-m-1', 'MemberTransferred', {
      memberId: 'm-1',
      organizationId: 'v-02',
      fromOrganizationId: 'v-01',
      toOrganizationId: 'v-02',
      on: '2026-03-01',
    });
    log.add('allocation-a-1', 'AllocationOpened', { recipientOrganizationId: 'v-01' });
    const docs = documentsOf(projectInMemory(auditTrailProjection, log.events), AUDIT_EVENTS);
    expect(docs.map((d) => d.organizationIds)).toEqual([
      ['org-zzb', 'v-01'],
      ['v-02', 'v-01'],
      ['v-01'],
    ]);
    expect(docs[0]).toMatchObject({
      _id: log.events[0].position,
      position: log.events[0].position,
      streamId: 'pairing-p-1',
      revision: 0,
      type: 'BranchPaired',
      typeLabel: '结对共建',
      occurredAt: '2026-02-28T16:00:00.000Z',
      recordedAt: log.events[0].metadata.recordedAt,
      actor: { id: 'operator:clerk-t01', role: 'operator' },
      actorId: 'operator:clerk-t01',
      data: { pairingId: 'p-1' },
    });
  });

  it('gives the same documents when the same events are applied twice', () => {
    const log = eventLog();
    log.add('organization-v-01', 'OrganizationDeactivated', { organizationId: 'v-01' });
    const once = projectInMemory(auditTrailProjection, log.events);
    const twice = projectInMemory(auditTrailProjection, [...log.events, ...log.events]);
    expect(documentsOf(twice, AUDIT_EVENTS)).toEqual(documentsOf(once, AUDIT_EVENTS));
  });
});
