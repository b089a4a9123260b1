import { describeJobQueueContract } from '../../../../../test/contract/job-queue.contract';
import { InProcessJobQueue } from './in-process.job-queue';

describeJobQueueContract('in-process', async (settings) => {
  const queue = new InProcessJobQueue(settings);
  return { queue, cleanup: () => queue.close() };
});
