export * from './document-store.port';
export * from './document-filter';
export * from './read-store.errors';
export * from './adapters/sqlite/sqlite.document-store';
export * from './open-document-store';
