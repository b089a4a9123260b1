import { ACTIVITY_TYPES, assessPairingMonth } from '@gongjian/domain';
import type { ReadDocument } from '@gongjian/read-store';
import { ReportDefinition, townshipFilter } from '../report-definition';
import { ACTIVITY_TYPE_LABELS, labelOf } from '../report-labels';
import { compareText, figuresSection, ReportRow } from '../report-table';
import {
  ACTIVITIES_REPORT_PROJECTION,
  ACTIVITY_YEARS_COLLECTION,
  ActivityYearReportDocument,
  dayCount,
} from './activities-report.projection';

const meetsTarget = (row: ReportRow) => {
  row.monthsMeetingTarget = Number(row.monthsMeetingTarget) + 1;
};

const DAY_MS = 86_400_000;
const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/**
 * Whether a pairing held a guidance day on a day (its day number), from its year documents: a
 * month's first and last weeks may reach into the year before or after.
 */
function guidanceDaysOf(years: readonly ActivityYearReportDocument[]) {
  const days = new Set<number>();
  for (const doc of years) {
    for (const [month, bits] of Object.entries(doc.guidanceDays)) {
      for (let rest = bits, day = 1; rest !== 0; rest >>>= 1, day++) {
        if (rest & 1) days.add(Date.UTC(doc.year, Number(month) - 1, day) / DAY_MS);
      }
    }
  }
  return (dayNumber: number) => days.has(dayNumber);
}

/**
 * 结对共建活动开展情况: by township × activity type; pairing-months meeting the targets, each
 * measured as the pairing's `activitiesByMonth` measures it (assessPairingMonth: a guidance day in
 * every week touching the month, collective days prorated for a month its term covers in part).
 * The find also selects the years beside the report's, for the weeks across a year's end.
 */
export const activitiesReport: ReportDefinition = {
  name: 'activities',
  title: '结对共建活动开展情况统计表',
  projection: ACTIVITIES_REPORT_PROJECTION,
  collection: ACTIVITY_YEARS_COLLECTION,
  filterFor: (filter) => ({
    year: { $in: [filter.year - 1, filter.year, filter.year + 1] },
    ...townshipFilter(filter),
  }),
  build(documents: readonly ReadDocument[], filter) {
    const { year } = filter;
    const yearsOf = new Map<string, ActivityYearReportDocument[]>();
    for (const doc of documents as readonly ActivityYearReportDocument[]) {
      yearsOf.set(doc.pairingId, [...(yearsOf.get(doc.pairingId) ?? []), doc]);
    }
    const cells = new Map<string, ReportRow>();
    let monthsWithActivities = 0;
    let monthsMeetingAll = 0;
    for (const doc of documents as readonly ActivityYearReportDocument[]) {
      if (doc.year !== year) continue;
      const isGuidanceDay = guidanceDaysOf(yearsOf.get(doc.pairingId) ?? []);
      const cell = (type: string) => {
        const key = `${doc.township}\u0000${String(ACTIVITY_TYPES.indexOf(type as never)).padStart(2, '0')}${type}`;
        let row = cells.get(key);
        if (!row) {
          const targeted = type === 'guidance_day' || type === 'collective_activity_day';
          row = {
            township: doc.township,
            type,
            typeLabel: labelOf(ACTIVITY_TYPE_LABELS, type),
            count: 0,
            participants: 0,
            monthsMeetingTarget: targeted ? 0 : null,
          };
          cells.set(key, row);
        }
        return row;
      };
      for (const [type, tally] of Object.entries(doc.byType)) {
        const row = cell(type);
        row.count = Number(row.count) + tally.count;
        row.participants = Number(row.participants) + tally.participants;
      }
      const term = { startsOn: doc.covers.from, endsOn: doc.covers.to };
      for (const month of MONTHS) {
        const guidance = dayCount(doc.guidanceDays[month]);
        const collective = dayCount(doc.collectiveDays[month]);
        const assessed = assessPairingMonth(
          `${String(doc.year).padStart(4, '0')}-${month}`,
          { isGuidanceDay, collectiveActivityDays: collective },
          term,
        );
        if (assessed.meetsGuidanceTarget) meetsTarget(cell('guidance_day'));
        if (assessed.meetsCollectiveActivityTarget) meetsTarget(cell('collective_activity_day'));
        if (guidance > 0 || collective > 0) monthsWithActivities++;
        if (assessed.meetsTargets) monthsMeetingAll++;
      }
    }
    const rows = [...cells.entries()].sort(([a], [b]) => compareText(a, b)).map(([, row]) => row);
    return {
      report: 'activities',
      year,
      title: this.title,
      ...(filter.township === undefined ? {} : { township: filter.township }),
      columns: [
        { key: 'township', label: '乡镇' },
        { key: 'typeLabel', label: '活动类型' },
        { key: 'count', label: '活动次数' },
        { key: 'participants', label: '参与人次' },
        { key: 'monthsMeetingTarget', label: '达标月数(结对·月)' },
      ],
      rows,
      totals: {
        township: '合计',
        count: rows.reduce((n, r) => n + Number(r.count), 0),
        participants: rows.reduce((n, r) => n + Number(r.participants), 0),
        // The column's sum: a pairing-month meeting both targets counts once in each target's
        // row, so twice here; pairingMonthsMeetingAllTargets counts it once.
        monthsMeetingTarget: rows.reduce((n, r) => n + Number(r.monthsMeetingTarget ?? 0), 0),
        pairingMonthsWithGuidanceOrCollective: monthsWithActivities,
        pairingMonthsMeetingAllTargets: monthsMeetingAll,
      },
      sections: [
        figuresSection('pairingMonths', '结对·月统计', [
          {
            key: 'pairingMonthsWithGuidanceOrCollective',
            label: '开展党建指导日或集体活动日的结对·月',
            value: monthsWithActivities,
          },
          {
            key: 'pairingMonthsMeetingAllTargets',
            label: '党建指导日和集体活动日均达标的结对·月',
            value: monthsMeetingAll,
          },
        ]),
      ],
    };
  },
};
