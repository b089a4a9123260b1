import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig, protectDataDir } from '@gongjian/config';
import { EventStore, openEventStore } from '@gongjian/event-store';
import {
  loadProjections,
  ProjectionControl,
  projectionStatuses,
  ReadModelProjection,
  rebuildProjection,
} from '@gongjian/projections';
import { DocumentStore, openDocumentStore } from '@gongjian/read-store';

interface ReadSide {
  events: EventStore;
  store: DocumentStore;
  projections: readonly ReadModelProjection[];
  config: ReturnType<typeof loadConfig>;
}

async function withReadSide<T>(run: (side: ReadSide) => Promise<T>): Promise<T> {
  const config = loadConfig();
  protectDataDir(config);
  const projections = loadProjections(config.projectionsModule);
  const events = await openEventStore(config);
  try {
    const store = await openDocumentStore(config);
    try {
      return await run({ events, store, projections, config });
    } finally {
      await store.close();
    }
  } finally {
    await events.close();
  }
}

/** Both engines' positions start with a number that grows along the log (row id, commit position). */
const progressOf = (position: string | undefined) => (position ? Number(position.slice(0, 20)) : 0);

export function registerProjectionCommands(program: Command): void {
  const projections = program
    .command('projections')
    .description('read models: where each projection stands, and rebuilds');

  projections
    .command('status')
    .description('checkpoint, head and lag of every projection')
    .option('--json', 'one JSON document instead of a table')
    .action((options: { json?: boolean }) =>
      withReadSide(async ({ events, store, projections: models }) => {
        const statuses = await projectionStatuses(events, new ProjectionControl(store), models);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(statuses)}\n`);
          return;
        }
        const rows = statuses.map((s) => ({
          projection: `${s.name}@${s.version}`,
          live: s.live?.key ?? '(not built)',
          checkpoint: s.live?.checkpoint ?? '',
          head: s.head ?? '(empty log)',
          'lag events': s.lagEvents === undefined ? '?' : String(s.lagEvents),
          'lag ms': String(s.lagMs),
          building: s.building ? `${s.building.key} at ${s.building.checkpoint ?? 'start'}` : '',
        }));
        if (rows.length === 0) process.stdout.write('no read models are defined\n');
        else console.table(rows);
      }),
    );

  projections
    .command('rebuild')
    .description(
      'rebuild one projection beside the live one, then switch readers to it and drop the old',
    )
    .argument('<name>', 'projection name (see `projections status`)')
    .action((name: string) =>
      withReadSide(async ({ events, store, projections: models, config }) => {
        const bar = new SingleBar(
          {
            format: `${name} |{bar}| {percentage}% | {events} events | checkpoint {checkpoint}`,
            hideCursor: true,
          },
          Presets.shades_classic,
        );
        const head = await events.headPosition();
        bar.start(Math.max(1, progressOf(head)), 0, { events: 0, checkpoint: '-' });
        const build = await rebuildProjection({
          events,
          store,
          projections: models,
          name,
          settings: {
            batchSize: config.projectionBatchSize,
            leaseMs: config.projectionLeaseMs,
            buildCommitEvents: config.projectionRebuildCommitEvents,
          },
          onProgress: (checkpoint) =>
            bar.update(Math.min(progressOf(head), progressOf(checkpoint?._pos)), {
              events: checkpoint?.eventsApplied ?? 0,
              checkpoint: checkpoint?._pos || '-',
            }),
        }).finally(() => bar.stop());
        process.stdout.write(
          `rebuilt ${name} as ${build.name}@${build.version}${build.generation ? `g${build.generation}` : ''}; readers use it now\n`,
        );
      }),
    );
}
