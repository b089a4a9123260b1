import type { AppConfig } from '@gongjian/config';

export type ReadSideSettings = Pick<
  AppConfig,
  'minPositionWaitMs' | 'readyMaxLagEvents' | 'readyMaxLagMs' | 'projections'
>;

export const READ_SIDE_SETTINGS = Symbol.for('gongjian.ReadSideSettings');
export const DOCUMENT_STORE = Symbol.for('gongjian.DocumentStore');
export const PROJECTION_ENGINE = Symbol.for('gongjian.ProjectionEngine');
export const READ_MODEL_PROJECTIONS = Symbol.for('gongjian.ReadModelProjections');
