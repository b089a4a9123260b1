export * from './services';
export * from './flaky-event-store';
export * from './fault-event-stores';
export * from './counting-event-store';
export * from './test-event';
export * from './ports';
export * from './stuck-mongo-server';
