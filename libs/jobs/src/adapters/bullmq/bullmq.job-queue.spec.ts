import { describeWithService, uniqueResourceName } from '@gongjian/testing';
import { describeJobQueueContract } from '../../../../../test/contract/job-queue.contract';
import { countKeysWithPrefix, deleteKeysWithPrefix } from '../../../test/redis-keys';
import { BullMqJobQueue } from './bullmq.job-queue';

describeWithService('redis', 'REDIS_URL', (url) => {
  const prefixes: string[] = [];

  afterAll(async () => {
    for (const prefix of prefixes) {
      await deleteKeysWithPrefix(url, prefix);
      expect(await countKeysWithPrefix(url, prefix)).toBe(0);
    }
  });

  describeJobQueueContract('bullmq', async (settings) => {
    const prefix = uniqueResourceName('gj-test');
    prefixes.push(prefix);
    const queue = new BullMqJobQueue({
      url,
      address: 'REDIS_URL',
      prefix,
      queueName: 'jobs',
      probeIntervalMs: 200,
      commandTimeoutMs: 5000,
      ...settings,
    });
    if (!(await queue.waitUntilAvailable(5000))) {
      throw new Error(`Redis at REDIS_URL did not answer: ${queue.unavailableReason}`);
    }
    return {
      queue,
      cleanup: async () => {
        await queue.close();
        await deleteKeysWithPrefix(url, prefix);
      },
    };
  });
});
