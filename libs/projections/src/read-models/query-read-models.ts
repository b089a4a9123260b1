import type { ReadModelProjection } from '../projection.definition';
import { allocationsProjection } from './allocations/allocations.projection';
import { auditTrailProjection } from './audit-trail/audit-trail.projection';
import { budgetsProjection } from './budgets/budgets.projection';
import { fundsSummaryProjection } from './funds-summary/funds-summary.projection';
import { memberStatisticsProjection } from './member-statistics/member-statistics.projection';
import { membersProjection } from './members/members.projection';
import { organizationsProjection } from './organizations/organizations.projection';
import { pairingsProjection } from './pairings/pairings.projection';
import { projectsProjection } from './projects/projects.projection';
import { ratingsProjection } from './ratings/ratings.projection';

/** Read models behind the GET endpoints (organizations, pairings, projects, funds, members, audit trail, star ratings). */
export const QUERY_READ_MODELS: readonly ReadModelProjection[] = [
  organizationsProjection,
  pairingsProjection,
  projectsProjection,
  budgetsProjection,
  allocationsProjection,
  fundsSummaryProjection,
  membersProjection,
  memberStatisticsProjection,
  auditTrailProjection,
  ratingsProjection,
];
