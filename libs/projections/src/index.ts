export * from './projection.definition';
export * from './read-model-reader';
export * from './read-models';
