export * from './shared/decider';
export * from './shared/domain-error';
export * from './shared/business-date';
export * from './organization';
export * from './pairing';
export * from './project';
export * from './funds';
export * from './membership';
