import { loadConfig } from '@gongjian/config';
import { describeWithService, uniqueResourceName } from '@gongjian/testing';
import { deleteKeysWithPrefix } from '../test/redis-keys';
import { openJobQueue } from './open-job-queue';

describe('openJobQueue', () => {
  it('runs jobs in process when REDIS_URL is not set', async () => {
    const queue = await openJobQueue(loadConfig({}));
    try {
      expect(queue.engine).toBe('in-process');
      expect(queue.available).toBe(true);
    } finally {
      await queue.close();
    }
  });
});

describeWithService('redis', 'REDIS_URL', (url) => {
  it('runs jobs on BullMQ when REDIS_URL is set', async () => {
    const prefix = uniqueResourceName('gj-test');
    const queue = await openJobQueue(loadConfig({ REDIS_URL: url, JOBS_PREFIX: prefix }));
    try {
      expect(queue.engine).toBe('bullmq');
      expect(queue.available).toBe(true);
      await expect(queue.ping()).resolves.toBeUndefined();
    } finally {
      await queue.close();
      await deleteKeysWithPrefix(url, prefix);
    }
  });
});
