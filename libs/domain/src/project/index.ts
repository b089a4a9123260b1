export * from './project.vocabulary';
export * from './project.commands';
export * from './project.events';
export * from './project.errors';
export * from './project.state';
export * from './project.decider';
