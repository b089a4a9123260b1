import type {
  InvestmentRecordedData,
  ProjectCompletedData,
  ProjectFundingRecordedData,
  ProjectLaunchedData,
} from '@gongjian/domain';
import type { ReadDocument } from '@gongjian/read-store';
import type { ReadModelProjection } from '../../../projection.definition';
import { alreadyApplied, dataOf, yearOf } from '../report-event';

export const PROJECTS_REPORT_PROJECTION = 'report_projects';
export const PROJECTS_REPORT_COLLECTION = 'report_projects';

/** One project (共建项目) with its investments summed per year of their dates. */
export interface ProjectReportDocument extends ReadDocument {
  /** The village's township. */
  township: string;
  category: string;
  startsOn: string;
  plannedInvestmentFen: number;
  investedByYear: Record<string, number>;
  /** Money secured (争取) and arrived (到位) by the year of its date (absent before any). */
  securedByYear?: Record<string, number>;
  arrivedByYear?: Record<string, number>;
  completedOn: string | null;
}

const TYPES = new Set([
  'ProjectLaunched',
  'InvestmentRecorded',
  'ProjectCompleted',
  'ProjectFundingRecorded',
]);

export const projectsReportProjection: ReadModelProjection = {
  name: PROJECTS_REPORT_PROJECTION,
  version: 1,
  collections: { [PROJECTS_REPORT_COLLECTION]: [{ fields: [['township', 1]] }] },
  touches: (event) =>
    TYPES.has(event.type)
      ? [{ collection: PROJECTS_REPORT_COLLECTION, id: String(event.data.projectId) }]
      : [],
  apply(current, event) {
    if (alreadyApplied(current, event)) return current as ReadDocument;
    if (event.type === 'ProjectLaunched') {
      const d = dataOf<ProjectLaunchedData>(event);
      const doc: ProjectReportDocument = {
        _id: d.projectId,
        _pos: event.position,
        township: d.ruralTownship,
        category: d.category,
        startsOn: d.startsOn,
        plannedInvestmentFen: d.plannedInvestmentFen,
        investedByYear: {},
        completedOn: null,
      };
      return doc;
    }
    if (!current) return null;
    const doc = current as ProjectReportDocument;
    if (event.type === 'InvestmentRecorded') {
      const d = dataOf<InvestmentRecordedData>(event);
      const year = String(yearOf(d.on));
      const investedByYear = {
        ...doc.investedByYear,
        [year]: (doc.investedByYear[year] ?? 0) + d.amountFen,
      };
      return { ...doc, _pos: event.position, investedByYear };
    }
    if (event.type === 'ProjectFundingRecorded') {
      const d = dataOf<ProjectFundingRecordedData>(event);
      const key = d.stage === 'secured' ? 'securedByYear' : 'arrivedByYear';
      const byYear = doc[key] ?? {};
      const year = String(yearOf(d.on));
      return {
        ...doc,
        _pos: event.position,
        [key]: { ...byYear, [year]: (byYear[year] ?? 0) + d.amountFen },
      };
    }
    return { ...doc, _pos: event.position, completedOn: dataOf<ProjectCompletedData>(event).on };
  },
};
