export * from './job-queue.port';
export * from './job-queue.errors';
export * from './job-id';
export * from './job-schedule';
export * from './job-queue.token';
export * from './flow-request';
export * from './open-job-queue';
export * from './adapters/in-process/in-process.job-queue';
export type { BullMqJobQueueOptions, JobQueueLog } from './adapters/bullmq/bullmq.job-queue';
