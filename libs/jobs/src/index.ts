export * from './job-queue.port';
export * from './job-queue.errors';
export * from './job-id';
export * from './job-schedule';
export * from './job-queue.token';
