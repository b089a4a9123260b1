import { documentsOf, project, recorded, reportFor } from '../report-projection.spec-helper';
import { activitiesReport } from './activities.report';
import {
  activitiesReportProjection,
  ACTIVITY_YEARS_COLLECTION,
  dayCount,
} from './activities-report.projection';

const paired = (pairingId: string, ruralTownship: string) =>
  recorded('BranchPaired', {
    pairingId,
    urbanOrganizationId: 'o1',
    ruralOrganizationId: `v-${pairingId}`,
    ruralTownship,
  });
let n = 0;
const activity = (pairingId: string, type: string, date: string, participants = 10) =>
  recorded('ActivityLogged', {
    pairingId,
    urbanOrganizationId: 'o1',
    ruralOrganizationId: `v-${pairingId}`,
    activityId: `act-${++n}`,
    type,
    date,
    participants,
    summary: type,
  });

const table = (events: ReturnType<typeof recorded>[], year: number, township?: string) =>
  reportFor(activitiesReport, activitiesReportProjection, events, { year, township });

describe('activities report read model', () => {
  const march = ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24'];
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
        count: 5,
        participants: 45,
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
        count: 11,
        pairingMonthsMeetingAllTargets: 1,
        pairingMonthsWithGuidanceOrCollective: 3,
      }),
    );
  });

  it('totals the months meeting the targets as the column sums them, and gives the pairing-months below', () => {
    const { rows, totals, sections } = table(events, 2025);
    // T01: March met both targets (once in each row); T02's one guidance day met none.
    expect(totals.monthsMeetingTarget).toBe(2);
    expect(totals.monthsMeetingTarget).toBe(
      rows.reduce((n, r) => n + Number(r.monthsMeetingTarget ?? 0), 0),
    );
    expect(totals).toEqual(
      expect.objectContaining({
        pairingMonthsWithGuidanceOrCollective: 3,
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
            value: 3,
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

  it('counts days 1 to 31 of a month once each', () => {
    const days = ['2025-01-01', '2025-01-15', '2025-01-30', '2025-01-31', '2025-01-31'];
    const { rows } = table(
      [paired('p3', 'T03'), ...days.map((d) => activity('p3', 'guidance_day', d))],
      2025,
    );
    expect(rows[0]).toEqual(expect.objectContaining({ count: 5, monthsMeetingTarget: 1 }));
    expect(dayCount(0b1011)).toBe(3);
    expect(dayCount(undefined)).toBe(0);
  });

  it('filters by township', () => {
    expect(table(events, 2025, 'T02').totals.count).toBe(1);
  });

  it('issue 13: the activity types of the seeds get their rows and labels (座谈, seed 002)', () => {
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
});
