export * from './services';
export * from './flaky-event-store';
