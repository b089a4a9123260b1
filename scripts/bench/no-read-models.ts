import type { ReadModelProjection } from '@gongjian/projections';

/**
 * PROJECTIONS_MODULE for a worker that runs jobs only: benchmarks of job runs keep the
 * projections from rebuilding read models beside them.
 */
export const READ_MODELS: readonly ReadModelProjection[] = [];
