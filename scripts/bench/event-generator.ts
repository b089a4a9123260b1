import { createHash } from 'node:crypto';
import type { NewEvent } from '@gongjian/event-store';

/**
 * A county's log, deterministic from its seed: organizations registered, pairings with their
 * activities (most of the log), and allocations with disbursements and expenditures.
 * Yields appends (one stream's events each) in an interleaved, realistic order.
 */
export interface GeneratedAppend {
  streamId: string;
  events: NewEvent[];
}

const ACTIVITY_TYPES = [
  'guidance_day',
  'collective_activity_day',
  'joint_org_life',
  'fellowship',
  'visit',
];
const SOURCES = ['county_finance', 'org_dept_award', 'township_subsidy', 'partner_unit'];
const PURPOSES = ['activity_funds', 'operating_funds', 'project', 'training'];

function uuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function event(
  seed: string,
  type: string,
  data: Record<string, unknown>,
  occurredAt: string,
): NewEvent {
  return {
    eventId: uuid(seed),
    type,
    data,
    metadata: {
      commandId: uuid(`c-${seed}`),
      correlationId: uuid(`r-${seed}`),
      causationId: uuid(`r-${seed}`),
      actor: { id: 'demo-operator', role: 'operator' },
      occurredAt,
      schemaVersion: 1,
    },
  };
}

export function* generateCounty(totalEvents: number, pairings = 2000): Generator<GeneratedAppend> {
  let produced = 0;
  const emit = function* (append: GeneratedAppend) {
    produced += append.events.length;
    yield append;
  };
  const activitiesPerPairing = new Map<number, number>();
  for (let p = 0; p < pairings && produced < totalEvents; p++) {
    const township = `T${String((p % 12) + 1).padStart(2, '0')}`;
    const urban = `org-u${p % 290}`;
    const rural = `org-v${p % 170}`;
    yield* emit({
      streamId: `pairing-p${p}`,
      events: [
        event(
          `paired-${p}`,
          'BranchPaired',
          {
            pairingId: `p${p}`,
            urbanOrganizationId: urban,
            ruralOrganizationId: rural,
            urbanTownship: township,
            ruralTownship: township,
            startsOn: '2025-01-01',
            endsOn: '2027-12-31',
            commitments: { fundsFen: 5_000_000, projects: 2, activists: 1 },
            principleMatched: p % 9 !== 0,
          },
          '2025-01-01T02:00:00.000Z',
        ),
      ],
    });
  }
  let round = 0;
  while (produced < totalEvents) {
    const p = round % pairings;
    const a = activitiesPerPairing.get(p) ?? 0;
    activitiesPerPairing.set(p, a + 1);
    const day = String((a % 28) + 1).padStart(2, '0');
    const mon = String((Math.floor(a / 4) % 12) + 1).padStart(2, '0');
    const date = `202${5 + (Math.floor(a / 48) % 2)}-${mon}-${day}`;
    if (round % 10 === 9) {
      const allocation = `a${round}`;
      const year = 2025 + (round % 2);
      const ref = {
        allocationId: allocation,
        budgetId: `${year}-${SOURCES[round % SOURCES.length]}`,
        year,
        source: SOURCES[round % SOURCES.length],
        purpose: PURPOSES[round % PURPOSES.length],
        recipientOrganizationId: `org-v${p % 170}`,
        pairingId: `p${p}`,
      };
      const amount = 100_000 + (round % 50) * 10_000;
      const events = [
        event(
          `alloc-${round}`,
          'AllocationOpened',
          { ...ref, amountFen: amount, decisionRef: `决议-${round}` },
          `${date}T02:00:00.000Z`,
        ),
        event(
          `disb-${round}`,
          'DisbursementRecorded',
          {
            ...ref,
            disbursementId: `d${round}`,
            amountFen: amount / 2,
            on: date,
            ref: `拨-${round}`,
            disbursedFen: amount / 2,
          },
          `${date}T03:00:00.000Z`,
        ),
        event(
          `exp-${round}`,
          'ExpenditureRecorded',
          {
            ...ref,
            expenditureId: `e${round}`,
            amountFen: amount / 4,
            on: date,
            category: '活动经费',
            receiptRef: `票-${round}`,
            spentFen: amount / 4,
          },
          `${date}T04:00:00.000Z`,
        ),
      ].slice(0, Math.max(1, totalEvents - produced));
      yield* emit({ streamId: `allocation-${allocation}`, events });
    } else {
      yield* emit({
        streamId: `pairing-p${p}`,
        events: [
          event(
            `act-${p}-${a}`,
            'ActivityLogged',
            {
              pairingId: `p${p}`,
              urbanOrganizationId: `org-u${p % 290}`,
              ruralOrganizationId: `org-v${p % 170}`,
              activityId: uuid(`activity-${p}-${a}`),
              type: ACTIVITY_TYPES[a % ACTIVITY_TYPES.length],
              date,
              participants: 8 + (a % 30),
              summary: '党建指导日：村党支部学习会，讨论集体经济项目',
            },
            `${date}T02:00:00.000Z`,
          ),
        ],
      });
    }
    round++;
  }
}
