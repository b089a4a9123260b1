import { assessPairingMonth, dayNumberOf } from '@gongjian/domain';
import { MonthTally, PAIRINGS, pairingsProjection } from '../../pairings/pairings.projection';
import { documentsOf, project, recorded, reportFor } from '../report-projection.spec-helper';
import { activitiesReport } from './activities.report';
import {
  activitiesReportProjection,
  ACTIVITY_YEARS_COLLECTION,
  dayCount,
} from './activities-report.projection';

const ref = (pairingId: string) => ({
  pairingId,
  urbanOrganizationId: 'o1',
  ruralOrganizationId: `v-${pairingId}`,
});
const inStream = (pairingId: string) => ({ streamId: `pairing-${pairingId}` });
const paired = (
  pairingId: string,
  ruralTownship: string,
  term = { startsOn: '2024-01-01', endsOn: '2027-12-31' },
) => recorded('BranchPaired', { ...ref(pairingId), ruralTownship, ...term }, inStream(pairingId));
let n = 0;
const activity = (pairingId: string, type: string, date: string, participants = 10) =>
  recorded(
    'ActivityLogged',
    {
      ...ref(pairingId),
      activityId: `act-${++n}`,
      type,
      date,
      participants,
      summary: type,
    },
    inStream(pairingId),
  );
const renewed = (pairingId: string, previousEndsOn: string, endsOn: string) =>
  recorded('PairingRenewed', { ...ref(pairingId), previousEndsOn, endsOn }, inStream(pairingId));
const dissolved = (pairingId: string, on: string) =>
  recorded('PairingDissolved', { ...ref(pairingId), reason: '调整', on }, inStream(pairingId));
const days = (pairingId: string, type: string, dates: string[]) =>
  dates.map((date) => activity(pairingId, type, date));

const table = (events: ReturnType<typeof recorded>[], year: number, township?: string) =>
  reportFor(activitiesReport, activitiesReportProjection, events, { year, township });

describe('activities report read model', () => {
  // March 2025 runs from Saturday the 1st to Monday the 31st: six weeks touch it, from Monday 24
  // February to Sunday 6 April.
  const march = [
    '2025-02-26',
    '2025-03-03',
    '2025-03-10',
    '2025-03-17',
    '2025-03-24',
    '2025-04-02',
  ];
  const events = [
    paired('p1', 'T01'),
    paired('p2', 'T02'),
    ...march.map((d) => activity('p1', 'guidance_day', d)),
    activity('p1', 'guidance_day', '2025-03-24', 5),
    ...['2025-03-05', '2025-03-12', '2025-03-19'].map((d) =>
      activity('p1', 'collective_activity_day', d, 30),
    ),
    activity('p1', 'collective_activity_day', '2025-04-02'),
    activity('p1', 'visit', '2025-04-09', 3),
    activity('p2', 'guidance_day', '2025-03-03'),
    activity('p1', 'guidance_day', '2024-12-30'),
  ];

  it('keeps one document per pairing and year, counted in the village township', () => {
    const docs = documentsOf(
      project(activitiesReportProjection, events),
      ACTIVITY_YEARS_COLLECTION,
    );
    expect(docs.map((d) => [d._id, d.township])).toEqual([
      ['p1:2024', 'T01'],
      ['p1:2025', 'T01'],
      ['p2:2025', 'T02'],
    ]);
  });

  it('counts activities and participants per type, and months meeting each target on distinct days', () => {
    const { rows, totals } = table(events, 2025);
    const row = (township: string, type: string) =>
      rows.find((r) => r.township === township && r.type === type);
    expect(row('T01', 'guidance_day')).toEqual(
      expect.objectContaining({
        typeLabel: '党建指导日',
        count: 7,
        participants: 65,
        monthsMeetingTarget: 1,
      }),
    );
    expect(row('T01', 'collective_activity_day')).toEqual(
      expect.objectContaining({ count: 4, participants: 100, monthsMeetingTarget: 1 }),
    );
    expect(row('T01', 'visit')).toEqual(
      expect.objectContaining({ count: 1, monthsMeetingTarget: null }),
    );
    expect(row('T02', 'guidance_day')).toEqual(
      expect.objectContaining({ count: 1, monthsMeetingTarget: 0 }),
    );
    expect(totals).toEqual(
      expect.objectContaining({
        count: 13,
        pairingMonthsMeetingAllTargets: 1,
        pairingMonthsWithGuidanceOrCollective: 4,
      }),
    );
  });

  it('totals the months meeting the targets as the column sums them, and gives the pairing-months below', () => {
    const { rows, totals, sections } = table(events, 2025);
    // T01: March met both targets (once in each row), February and April had a guidance day in
    // one of their weeks only; T02's one guidance day met none.
    expect(totals.monthsMeetingTarget).toBe(2);
    expect(totals.monthsMeetingTarget).toBe(
      rows.reduce((n, r) => n + Number(r.monthsMeetingTarget ?? 0), 0),
    );
    expect(totals).toEqual(
      expect.objectContaining({
        pairingMonthsWithGuidanceOrCollective: 4,
        pairingMonthsMeetingAllTargets: 1,
      }),
    );
    expect(sections).toEqual([
      {
        key: 'pairingMonths',
        title: '结对·月统计',
        columns: [
          { key: 'label', label: '项目' },
          { key: 'value', label: '数值' },
        ],
        rows: [
          {
            key: 'pairingMonthsWithGuidanceOrCollective',
            label: '开展党建指导日或集体活动日的结对·月',
            value: 4,
          },
          {
            key: 'pairingMonthsMeetingAllTargets',
            label: '党建指导日和集体活动日均达标的结对·月',
            value: 1,
          },
        ],
      },
    ]);
    for (const column of table(events, 2025).columns.slice(2)) {
      expect([column.key, typeof totals[column.key]]).toEqual([column.key, 'number']);
    }
  });

  it('counts a late activity in the year of its date, leaving the other year alone', () => {
    const before = table(events, 2025);
    const late = [...events, activity('p1', 'fellowship', '2024-11-11')];
    expect(table(late, 2025)).toEqual(before);
    expect(table(late, 2024).totals.count).toBe(2);
  });

  it('counts days 1 to 31 of a month once each: the 31st is the one guidance day of its week', () => {
    const days = [
      '2025-01-01',
      '2025-01-08',
      '2025-01-15',
      '2025-01-22',
      '2025-01-31',
      '2025-01-31',
    ];
    const events = [paired('p3', 'T03'), ...days.map((d) => activity('p3', 'guidance_day', d))];
    expect(table(events, 2025).rows[0]).toEqual(
      expect.objectContaining({ count: 6, monthsMeetingTarget: 1 }),
    );
    const without31st = events.filter((e) => e.data.date !== '2025-01-31');
    expect(table(without31st, 2025).rows[0]).toEqual(
      expect.objectContaining({ count: 4, monthsMeetingTarget: 0 }),
    );
    expect(dayCount(0b1011)).toBe(3);
    expect(dayCount(undefined)).toBe(0);
  });

  it('filters by township', () => {
    expect(table(events, 2025, 'T02').totals.count).toBe(1);
  });

  it('the activity types of the seeds get their rows and labels (座谈, seed 002)', () => {
    const { rows } = table(
      [
        paired('p4', 'T04'),
        activity('p4', 'symposium', '2025-05-06', 18),
        activity('p4', 'theme_party_day', '2025-05-01', 40),
        activity('p4', 'study_tour', '2025-05-20', 12),
      ],
      2025,
    );
    expect(rows.map((r) => [r.type, r.typeLabel, r.count, r.participants])).toEqual([
      ['theme_party_day', '主题党日', 1, 40],
      ['symposium', '座谈', 1, 18],
      ['study_tour', '考察学习', 1, 12],
    ]);
  });

  describe('months a term covers in part, measured as the pairing view measures them', () => {
    /**
     * The pairing's months of `year` as its activitiesByMonth gives them: the pairings read
     * model's tallies against its term (ending on the day it was dissolved, once it was).
     */
    const viewMonths = (events: ReturnType<typeof recorded>[], pairingId: string, year: number) => {
      const doc = project(pairingsProjection, events).get(`${PAIRINGS}/${pairingId}`);
      if (!doc) throw new Error(`no pairing ${pairingId}`);
      const months = doc.months as Record<string, MonthTally>;
      const guidanceDays = new Set(
        Object.values(months).flatMap((m) => m.guidanceDates.map(dayNumberOf)),
      );
      const term = {
        startsOn: String(doc.startsOn),
        endsOn: String(doc.dissolvedOn ?? doc.endsOn),
      };
      return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).map(
        (month) =>
          assessPairingMonth(
            month,
            {
              isGuidanceDay: (day) => guidanceDays.has(day),
              collectiveActivityDays: months[month]?.collectiveDates.length ?? 0,
            },
            term,
          ),
      );
    };
    /** The report's pairing-month counts, and the same counted from the pairing views. */
    const agreement = (
      events: ReturnType<typeof recorded>[],
      pairingIds: string[],
      year: number,
    ) => {
      const { rows, totals } = table(events, year);
      const reported = (type: string) =>
        rows
          .filter((r) => r.type === type)
          .reduce((sum, r) => sum + Number(r.monthsMeetingTarget), 0);
      const months = pairingIds.flatMap((id) => viewMonths(events, id, year));
      return {
        report: {
          guidance: reported('guidance_day'),
          collective: reported('collective_activity_day'),
          all: totals.pairingMonthsMeetingAllTargets,
        },
        views: {
          guidance: months.filter((m) => m.meetsGuidanceTarget).length,
          collective: months.filter((m) => m.meetsCollectiveActivityTarget).length,
          all: months.filter((m) => m.meetsTargets).length,
        },
      };
    };

    // Starts on Wednesday 15 January 2025: January (17 of 31 days) asks the weeks from the 13th,
    // 20th and 27th, and 2 collective days.
    const midMonth = [
      paired('pm', 'T01', { startsOn: '2025-01-15', endsOn: '2027-01-14' }),
      ...days('pm', 'guidance_day', ['2025-01-17', '2025-01-20', '2025-01-27']),
      ...days('pm', 'collective_activity_day', ['2025-01-16', '2025-01-23']),
      ...days('pm', 'guidance_day', ['2025-02-03', '2025-02-10', '2025-02-17', '2025-02-24']),
      ...days('pm', 'collective_activity_day', ['2025-02-05', '2025-02-12', '2025-02-19']),
      ...days('pm', 'guidance_day', ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24']),
      activity('pm', 'guidance_day', '2025-03-31'),
      ...days('pm', 'collective_activity_day', ['2025-03-05', '2025-03-12']),
    ];
    // Starts on Monday 31 March: a single day of March asks its week and a collective day; it had
    // a guidance day.
    const lastDay = [
      paired('pd', 'T02', { startsOn: '2025-03-31', endsOn: '2027-03-30' }),
      activity('pd', 'guidance_day', '2025-03-31'),
      ...days('pd', 'guidance_day', ['2025-04-07', '2025-04-14', '2025-04-21', '2025-04-28']),
      ...days('pd', 'collective_activity_day', ['2025-04-02', '2025-04-09', '2025-04-16']),
    ];

    it('counts the month a pairing starts in against prorated targets, as GET /pairings/{id} does', () => {
      const events = [...midMonth, ...lastDay];
      const { rows, totals } = table(events, 2025);
      const row = (township: string, type: string) =>
        rows.find((r) => r.township === township && r.type === type)?.monthsMeetingTarget;
      // January, February and March meet the guidance target; January and February the other.
      expect([row('T01', 'guidance_day'), row('T01', 'collective_activity_day')]).toEqual([3, 2]);
      // 31 March meets its one guidance day, not its one collective day; April meets both.
      expect([row('T02', 'guidance_day'), row('T02', 'collective_activity_day')]).toEqual([2, 1]);
      expect(totals).toEqual(
        expect.objectContaining({
          monthsMeetingTarget: 8,
          pairingMonthsWithGuidanceOrCollective: 5,
          pairingMonthsMeetingAllTargets: 3,
        }),
      );
      expect(viewMonths(events, 'pm', 2025)[0]).toMatchObject({
        targets: { guidanceWeeks: 3, collectiveActivityDays: 2 },
        prorated: { days: 17, collectiveActivityDays: 2 },
        meetsTargets: true,
      });
      expect(viewMonths(events, 'pd', 2025)[2]).toMatchObject({
        targets: { guidanceWeeks: 1, collectiveActivityDays: 1 },
        prorated: { days: 1, collectiveActivityDays: 1 },
        meetsTargets: false,
      });
      const { report, views } = agreement(events, ['pm', 'pd'], 2025);
      expect(report).toEqual({ guidance: 5, collective: 3, all: 3 });
      expect(report).toEqual(views);
    });

    it('counts the month a term ends in against its weeks and prorated days: one of each by Saturday 4 October', () => {
      const events = [
        paired('pe', 'T01', { startsOn: '2024-10-05', endsOn: '2025-10-04' }),
        activity('pe', 'guidance_day', '2025-10-02'),
        activity('pe', 'collective_activity_day', '2025-10-03'),
      ];
      expect(viewMonths(events, 'pe', 2025)[9]).toMatchObject({
        targets: { guidanceWeeks: 1, collectiveActivityDays: 1 },
        prorated: { days: 4, collectiveActivityDays: 1 },
        meetsTargets: true,
      });
      const { report, views } = agreement(events, ['pe'], 2025);
      expect(report).toEqual({ guidance: 1, collective: 1, all: 1 });
      expect(report).toEqual(views);
    });

    it('a week across the year end counts the guidance day held in the year before', () => {
      // Thursday 1 January 2026: its first week began on Monday 29 December 2025.
      const events = [
        paired('py', 'T03', { startsOn: '2025-06-01', endsOn: '2027-05-31' }),
        activity('py', 'guidance_day', '2025-12-31'),
        ...days('py', 'guidance_day', ['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26']),
        ...days('py', 'collective_activity_day', ['2026-01-06', '2026-01-13', '2026-01-20']),
      ];
      const { report, views } = agreement(events, ['py'], 2026);
      expect(report).toEqual({ guidance: 1, collective: 1, all: 1 });
      expect(report).toEqual(views);
      const withoutIt = events.filter((e) => e.data.date !== '2025-12-31');
      expect(agreement(withoutIt, ['py'], 2026).report).toEqual({
        guidance: 0,
        collective: 1,
        all: 0,
      });
    });

    it('measures a month again when a dissolution ends the term in it, or a renewal carries the term past it', () => {
      const september = [
        paired('px', 'T01', { startsOn: '2025-01-01', endsOn: '2026-12-31' }),
        activity('px', 'guidance_day', '2025-09-01'),
        activity('px', 'collective_activity_day', '2025-09-02'),
      ];
      // The whole of September asks 5 weeks and 3 days; dissolved on Friday the 5th, its first
      // week and 1 day.
      expect(agreement(september, ['px'], 2025).report).toEqual({
        guidance: 0,
        collective: 0,
        all: 0,
      });
      const afterDissolution = [...september, dissolved('px', '2025-09-05')];
      expect(agreement(afterDissolution, ['px'], 2025)).toEqual({
        report: { guidance: 1, collective: 1, all: 1 },
        views: { guidance: 1, collective: 1, all: 1 },
      });

      const june = [
        paired('pr', 'T02', { startsOn: '2024-07-01', endsOn: '2025-06-10' }),
        activity('pr', 'visit', '2024-12-02'),
        ...days('pr', 'guidance_day', ['2025-05-28', '2025-06-02', '2025-06-09']),
        activity('pr', 'collective_activity_day', '2025-06-03'),
      ];
      // The term's last 10 days of June (from Sunday the 1st) ask 3 weeks and 1 day; renewed to
      // 2026, the whole month asks 6 weeks and 3 days.
      expect(agreement(june, ['pr'], 2025).report).toEqual({ guidance: 1, collective: 1, all: 1 });
      const afterRenewal = [...june, renewed('pr', '2025-06-10', '2026-06-30')];
      expect(agreement(afterRenewal, ['pr'], 2025)).toEqual({
        report: { guidance: 0, collective: 0, all: 0 },
        views: { guidance: 0, collective: 0, all: 0 },
      });

      const docs = documentsOf(
        project(activitiesReportProjection, [
          ...afterDissolution,
          ...afterRenewal,
          dissolved('pr', '2026-03-01'),
        ]),
        ACTIVITY_YEARS_COLLECTION,
      );
      // Each year's document keeps the days of it the term covers; a year without activities of
      // the pairing gets no document from a renewal or a dissolution.
      expect(docs.map((d) => [d._id, d.covers])).toEqual([
        ['pr:2024', { from: '2024-07-01', to: '2024-12-31' }],
        ['pr:2025', { from: '2025-01-01', to: '2025-12-31' }],
        ['px:2025', { from: '2025-01-01', to: '2025-09-05' }],
      ]);
    });
  });
});
