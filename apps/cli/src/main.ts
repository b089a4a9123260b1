import 'reflect-metadata';
import { Command } from 'commander';
import { ConfigError, loadConfig, protectDataDir } from '@gongjian/config';
import { EventStore, openEventStore, verifyChain } from '@gongjian/event-store';
import { auditCommand } from './audit/audit.command';
import { repairCommand } from './repair/repair.command';
import { registerProjectionCommands } from './projections.commands';

/** Operator and inspector commands against the configured event store. */
async function withStore<T>(run: (store: EventStore) => Promise<T>): Promise<T> {
  const config = loadConfig();
  protectDataDir(config);
  const store = await openEventStore(config);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

const program = new Command('gongjian')
  .description('gongjian operator and inspector commands')
  .showHelpAfterError();

program
  .command('stream')
  .description('print the events of one stream as NDJSON')
  .argument('<streamId>', 'e.g. organization-org-zzb')
  .action((streamId: string) =>
    withStore(async (store) => {
      for (const event of await store.readStream(streamId))
        process.stdout.write(`${JSON.stringify(event)}\n`);
    }),
  );

program
  .command('verify-stream')
  .description("check a stream's hash chain; exit 2 at the first broken link")
  .argument('<streamId>')
  .action((streamId: string) =>
    withStore(async (store) => {
      const events = await store.readStream(streamId);
      const broken = verifyChain(events);
      process.stdout.write(
        `${JSON.stringify({ ok: !broken, streamId, checkedEvents: events.length, firstBrokenLink: broken })}\n`,
      );
      if (broken) process.exitCode = 2;
    }),
  );

program
  .command('head')
  .description('print the position of the last event in the log')
  .action(() =>
    withStore(async (store) => {
      process.stdout.write(`${(await store.headPosition()) ?? ''}\n`);
    }),
  );

program.addCommand(repairCommand(withStore));
program.addCommand(auditCommand(withStore));
registerProjectionCommands(program);

program.parseAsync().catch((error: unknown) => {
  const message =
    error instanceof ConfigError ? error.message : String((error as Error)?.message ?? error);
  process.stderr.write(`gongjian: ${message.split('\n')[0]}\n`);
  process.exit(1);
});
