import { resolve } from 'node:path';
import type { ReadModelProjection } from './projection.definition';
import { READ_MODELS } from './read-models';

/**
 * The read models a process keeps: the built-in READ_MODELS, or those a module exports as
 * `READ_MODELS` (PROJECTIONS_MODULE, a compiled .js path), for example a county's own.
 */
export function loadProjections(modulePath?: string): readonly ReadModelProjection[] {
  if (!modulePath) return READ_MODELS;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(resolve(modulePath)) as { READ_MODELS?: unknown };
  if (!Array.isArray(loaded.READ_MODELS))
    throw new Error(`PROJECTIONS_MODULE ${modulePath} does not export READ_MODELS`);
  return loaded.READ_MODELS as ReadModelProjection[];
}
