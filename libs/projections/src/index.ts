export * from './projection.definition';
