import type { ReadModelProjection } from '../projection.definition';
import { QUERY_READ_MODELS } from './query-read-models';
import { REPORT_READ_MODELS } from './report-read-models';

/** Every read model the engine keeps; each one's folder holds its projection and its tests. */
export const READ_MODELS: readonly ReadModelProjection[] = [
  ...QUERY_READ_MODELS,
  ...REPORT_READ_MODELS,
];
export * from './reports';
