import 'reflect-metadata';
import { ConfigError, loadConfig } from '@gongjian/config';
import { openEventStore } from '@gongjian/event-store';

/**
 * The worker process of server mode: it hosts projections and job workers so they scale apart
 * from the API. Today it opens and watches the event store, following the log's head.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const store = await openEventStore(config);
  const head = await store.headPosition();
  process.stderr.write(
    `gongjian-worker: event store ${store.engine} at head ${head ?? '(empty)'}\n`,
  );
  const subscription = store.subscribeAll({ fromPosition: head });
  const stop = async (signal: string) => {
    process.stderr.write(`gongjian-worker: ${signal} received, shutting down\n`);
    await subscription.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  let seen = 0;
  for await (const event of subscription) {
    seen++;
    if (seen % 1000 === 0) process.stderr.write(`gongjian-worker: followed to ${event.position}\n`);
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError ? error.message : String((error as Error)?.message ?? error);
  process.stderr.write(`gongjian-worker: ${message.split('\n')[0]}\n`);
  process.exit(1);
});
