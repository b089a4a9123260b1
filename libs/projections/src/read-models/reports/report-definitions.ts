import { activitiesReport } from './activities/activities.report';
import { fundsReport } from './funds/funds.report';
import { memberDevelopmentReport } from './member-development/member-development.report';
import { pairingsReport } from './pairings/pairings.report';
import { projectsReport } from './projects/projects.report';
import { ratingsReport } from './ratings/ratings.report';
import type { ReportDefinition } from './report-definition';
import { collectiveIncomeReport } from './villages/collective-income.report';
import { villagesReport } from './villages/villages.report';

/** Every report of `GET /reports/{name}`, in the order the county's yearly tables come. */
export const REPORT_DEFINITIONS: readonly ReportDefinition[] = [
  pairingsReport,
  villagesReport,
  fundsReport,
  projectsReport,
  collectiveIncomeReport,
  memberDevelopmentReport,
  activitiesReport,
  ratingsReport,
];

export const reportDefinition = (name: string): ReportDefinition | undefined =>
  REPORT_DEFINITIONS.find((report) => report.name === name);
