export * from './pairing.vocabulary';
export * from './matching-principle';
export * from './pairing.commands';
export * from './pairing.events';
export * from './pairing.errors';
export * from './pairing.state';
export * from './pairing.summary';
export * from './pairing.decider';
