import type { ReadModelProjection } from '../projection.definition';

/** Read models behind the county's yearly reports (`GET /reports/{name}`). */
export const REPORT_READ_MODELS: readonly ReadModelProjection[] = [];
