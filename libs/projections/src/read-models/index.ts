import type { ReadModelProjection } from '../projection.definition';
export { QUERY_READ_MODELS } from './query-read-models';
import { QUERY_READ_MODELS } from './query-read-models';
import { REPORT_READ_MODELS } from './report-read-models';

export * from './allocations/allocations.projection';
export * from './audit-trail/audit-trail.projection';
export * from './audit-trail/event-type-labels';
export * from './audit-trail/event-organization-ids';
export * from './budgets/budgets.projection';
export * from './funds-summary/funds-summary.projection';
export * from './member-statistics/member-statistics.projection';
export * from './members/members.projection';
export * from './organizations/organizations.projection';
export * from './pairings/pairings.projection';
export * from './pairings/rural-activists';
export * from './projects/projects.projection';
export * from './ratings/ratings.projection';
export * from './ratings/rating-document';
export * from './shared/in-memory-projection';

/** Every read model the engine keeps; each one's folder holds its projection and its tests. */
export const READ_MODELS: readonly ReadModelProjection[] = [
  ...QUERY_READ_MODELS,
  ...REPORT_READ_MODELS,
];
export * from './reports';
