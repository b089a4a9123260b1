import type { ReadModelProjection } from '../projection.definition';

/** Read models behind the GET endpoints (organizations, pairings, projects, funds, members, audit trail). */
export const QUERY_READ_MODELS: readonly ReadModelProjection[] = [];
