export * from './rating.events';
export * from './rating.errors';
export * from './rating.commands';
export * from './rating.state';
export * from './rating.decider';
export * from './rule-set.stream';
export * from './evaluation-run.stream';
