export * from './event-store.port';
export * from './event-store.errors';
export * from './position';
export * from './hash-chain';
export * from './polling-subscription';
export * from './adapters/sqlite/sqlite.event-store';
export * from './open-event-store';
export * from './event-store.token';
