export * from './organization.vocabulary';
export * from './organization.commands';
export * from './organization.events';
export * from './organization.errors';
export * from './organization.state';
export * from './organization.summary';
export * from './organization.decider';
export { InputErrorCode } from './input.guards';
export * from './hollow-economy';
