import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import {
  AuditAnchorService,
  exportBundle,
  LEAF_INDEX_FILE,
  LeafIndex,
  loadAuditSigner,
  verifierOf,
} from '@gongjian/audit';
import { AppConfig, loadConfig } from '@gongjian/config';
import type { EventStore } from '@gongjian/event-store';
import { asOfOption, replayStream } from './audit-replay.command';
import { Out, verifierFromKey, verifyBundleFile, verifyStoreNow } from './audit-verify.command';

type WithStore = <T>(run: (store: EventStore) => Promise<T>) => Promise<T>;

const CLI_ACTOR = { id: 'cli', role: 'admin' };

/** `gongjian audit verify|replay|export|anchor`. */
export function auditCommand(
  withStore: WithStore,
  settings: () => AppConfig = () => loadConfig(),
): Command {
  const print: Out = (line) => process.stdout.write(`${line}\n`);
  const audit = new Command('audit').description(
    'tamper evidence, as-of replay and offline-verifiable bundles',
  );

  audit
    .command('verify')
    .description(
      'verify a bundle offline (no server), or with --store the configured store; exit 2 when a check fails',
    )
    .argument('[bundle]', 'an NDJSON bundle from GET /audit/export or `audit export`')
    .option('--store', 'verify the configured event store against its latest checkpoint')
    .option('--key <vkey|file>', "the county's verifier key (GET /audit/public-key)")
    .option('--now <instant>', 'judge staleness as of this instant (default: now)')
    .option('--max-age-hours <n>', 'a checkpoint older than this is stale (default 48)')
    .option(
      '--checkpoint <file>',
      'with --store: a checkpoint note you hold, newer than the log may show',
    )
    .option('--json', 'print the whole result as JSON')
    .action(
      async (bundle: string | undefined, flags: Record<string, string | boolean | undefined>) => {
        if (flags.store) {
          const config = settings();
          const verifier = flags.key
            ? verifierFromKey(String(flags.key))
            : verifierOf(loadAuditSigner(config));
          process.exitCode = await withStore((store) =>
            verifyStoreNow(
              store,
              verifier,
              config.dataDir,
              flags.checkpoint as string | undefined,
              print,
            ),
          );
          return;
        }
        if (!bundle) throw new Error('give a bundle file, or --store');
        process.exitCode = verifyBundleFile(
          bundle,
          flags as Record<string, string | undefined>,
          print,
        );
      },
    );

  audit
    .command('replay')
    .description(
      'a stream replayed with the write side fold, as of a date (business time) or an instant (recording time)',
    )
    .argument('<streamId>')
    .requiredOption(
      '--as-of <date|instant>',
      'YYYY-MM-DD: what was true that day; an instant: what the record said then',
    )
    .option('--occurred', 'read an instant on the business-time axis (occurredAt)')
    .action((streamId: string, flags: { asOf: string; occurred?: boolean }) =>
      withStore(async (store) => {
        process.exitCode = await replayStream(
          store,
          streamId,
          asOfOption(flags.asOf, flags.occurred),
          print,
        );
      }),
    );

  audit
    .command('export')
    .description('write an audit bundle of the configured store (as GET /audit/export does)')
    .requiredOption('--out <file>', 'where to write the NDJSON bundle')
    .option('--from <instant>', 'events recorded at or after')
    .option('--to <instant>', 'events recorded before')
    .option('--stream-prefix <prefix>', 'e.g. pairing-')
    .action((flags: { out: string; from?: string; to?: string; streamPrefix?: string }) =>
      withStore(async (store) => {
        const config = settings();
        const leaves = new LeafIndex(join(config.dataDir, LEAF_INDEX_FILE));
        try {
          const lines = await exportBundle(store, leaves, loadAuditSigner(config), flags);
          writeFileSync(flags.out, `${lines.join('\n')}\n`);
          process.stderr.write(`gongjian: ${lines.length} line(s) written to ${flags.out}\n`);
        } finally {
          leaves.close();
        }
      }),
    );

  audit
    .command('anchor')
    .description('sign a checkpoint of the log now (as POST /audit/anchors does)')
    .action(() =>
      withStore(async (store) => {
        const config = settings();
        const leaves = new LeafIndex(join(config.dataDir, LEAF_INDEX_FILE));
        try {
          const checkpoint = await new AuditAnchorService(
            store,
            leaves,
            loadAuditSigner(config),
          ).anchor(CLI_ACTOR);
          print(JSON.stringify(checkpoint));
        } finally {
          leaves.close();
        }
      }),
    );
  return audit;
}
