import type { ReadDocument } from '@gongjian/read-store';
import { ReportDefinition, townshipFilter } from '../report-definition';
import { compareText, percent, ReportRow, sumColumns } from '../report-table';
import {
  MEMBER_DEVELOPMENT_REPORT_COLLECTION,
  MEMBER_DEVELOPMENT_REPORT_PROJECTION,
  MemberDates,
  MemberOrganizationReportDocument,
} from './member-development-report.projection';

type Stage =
  'applicant' | 'activist' | 'development_target' | 'probationary' | 'full_member' | 'ended';

/** The stage a member had reached on `date` (undefined: had not applied yet). */
export function stageOn(m: MemberDates, date: string): Stage | undefined {
  const by = (d: string | undefined) => d !== undefined && d <= date;
  if (by(m.endedOn)) return 'ended';
  if (by(m.fullOn)) return 'full_member';
  if (by(m.admittedOn)) return 'probationary';
  if (by(m.targetOn)) return 'development_target';
  if (by(m.activistOn)) return 'activist';
  if (by(m.appliedOn)) return 'applicant';
  return undefined;
}

/** Whether the organization held the member on `date` (transfers move them between documents). */
const heldOn = (m: MemberDates, date: string) =>
  (m.joinedOn === undefined || m.joinedOn <= date) && (m.leftOn === undefined || m.leftOn > date);

const inYear = (date: string | undefined, year: number) =>
  date !== undefined && date.startsWith(`${year}-`);

const STOCK: Partial<Record<Stage, string>> = {
  applicant: 'applicants',
  activist: 'activists',
  development_target: 'developmentTargets',
  probationary: 'probationary',
};
const NUMERIC = [
  'applicants',
  'activists',
  'developmentTargets',
  'probationary',
  'appliedInYear',
  'admittedInYear',
  'fullMembershipInYear',
  'fullMembers',
  'pipeline',
  'migrants',
];

const withShare = (row: ReportRow): ReportRow => ({
  ...row,
  migrantSharePct: percent(Number(row.migrants), Number(row.pipeline)),
});

/**
 * 发展党员工作情况: by township. Stages are as they stood at the end of the year; applied,
 * admitted (as probationary members) and full membership count the steps dated in the year;
 * fullMembers is the members counted for the year (党员数); pipeline the applicants to probationary
 * members at the end of the year and migrants the migrant workers among them (the share's parts).
 */
export const memberDevelopmentReport: ReportDefinition = {
  name: 'member-development',
  title: '发展党员工作情况统计表',
  projection: MEMBER_DEVELOPMENT_REPORT_PROJECTION,
  collection: MEMBER_DEVELOPMENT_REPORT_COLLECTION,
  filterFor: townshipFilter,
  build(documents: readonly ReadDocument[], filter) {
    const { year } = filter;
    const end = `${year}-12-31`;
    const byTownship = new Map<string, ReportRow>();
    for (const doc of documents as readonly MemberOrganizationReportDocument[]) {
      const count = doc.memberCounts[String(year)];
      const members = Object.values(doc.members);
      if (count === undefined && members.length === 0) continue;
      let row = byTownship.get(doc.township);
      if (!row) {
        row = { township: doc.township, ...Object.fromEntries(NUMERIC.map((k) => [k, 0])) };
        byTownship.set(doc.township, row);
      }
      const add = (key: string) => (row[key] = Number(row[key]) + 1);
      row.fullMembers = Number(row.fullMembers) + (count ?? 0);
      for (const m of members) {
        const stock = heldOn(m, end) ? STOCK[stageOn(m, end) ?? 'ended'] : undefined;
        if (stock) {
          add(stock);
          add('pipeline');
          if (m.migrant) add('migrants');
        }
        for (const [date, key] of [
          [m.appliedOn, 'appliedInYear'],
          [m.admittedOn, 'admittedInYear'],
          [m.fullOn, 'fullMembershipInYear'],
        ] as const) {
          if (inYear(date, year) && heldOn(m, date!)) add(key);
        }
      }
    }
    const rows = [...byTownship.values()]
      .sort((a, b) => compareText(String(a.township), String(b.township)))
      .map(withShare);
    return {
      report: 'member-development',
      year,
      title: this.title,
      ...(filter.township === undefined ? {} : { township: filter.township }),
      columns: [
        { key: 'township', label: '乡镇' },
        { key: 'applicants', label: '入党申请人' },
        { key: 'activists', label: '入党积极分子' },
        { key: 'developmentTargets', label: '发展对象' },
        { key: 'probationary', label: '预备党员' },
        { key: 'appliedInYear', label: '当年递交申请' },
        { key: 'admittedInYear', label: '当年发展党员' },
        { key: 'fullMembershipInYear', label: '当年按期转正' },
        { key: 'fullMembers', label: '党员总数' },
        { key: 'migrantSharePct', label: '外出务工人员占比(%)' },
        // Added after the columns of earlier versions, so that a sheet reading them by place still does.
        { key: 'pipeline', label: '入党申请人至预备党员合计' },
        { key: 'migrants', label: '其中外出务工人员' },
      ],
      rows,
      totals: withShare({ township: '合计', ...sumColumns(rows, NUMERIC) }),
    };
  },
};
