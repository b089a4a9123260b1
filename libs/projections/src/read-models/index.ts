import type { ReadModelProjection } from '../projection.definition';

/** Every read model the engine keeps; each one's folder holds its projection and its tests. */
export const READ_MODELS: readonly ReadModelProjection[] = [];
