import type { ReadModelProjection } from '../projection.definition';
import { activitiesReportProjection } from './reports/activities/activities-report.projection';
import { fundsReportProjection } from './reports/funds/funds-report.projection';
import { memberDevelopmentReportProjection } from './reports/member-development/member-development-report.projection';
import { pairingsReportProjection } from './reports/pairings/pairings-report.projection';
import { projectsReportProjection } from './reports/projects/projects-report.projection';
import { ratingsReportProjection } from './reports/ratings/ratings-report.projection';
import { villagesReportProjection } from './reports/villages/villages-report.projection';

/**
 * Read models behind the county's yearly reports (`GET /reports/{name}`); the villages one
 * answers both the villages and the collective-income tables.
 */
export const REPORT_READ_MODELS: readonly ReadModelProjection[] = [
  pairingsReportProjection,
  villagesReportProjection,
  fundsReportProjection,
  projectsReportProjection,
  memberDevelopmentReportProjection,
  activitiesReportProjection,
  ratingsReportProjection,
];
