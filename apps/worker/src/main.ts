import 'reflect-metadata';
import { join } from 'node:path';
import { collectDefaultMetrics, Registry } from 'prom-client';
import {
  AnchorSchedule,
  AuditAnchorService,
  formatVerifierKey,
  LEAF_INDEX_FILE,
  LeafIndex,
  loadAuditSigner,
  verifierOf,
} from '@gongjian/audit';
import { ConfigError, loadConfig, protectDataDir } from '@gongjian/config';
import { openEventStore } from '@gongjian/event-store';
import { loadProjections, ProjectionEngine } from '@gongjian/projections';
import { openDocumentStore } from '@gongjian/read-store';

const line = (message: string) => process.stderr.write(`gongjian-worker: ${message}\n`);

/**
 * The worker process of server mode: it keeps the read models (projections) so they scale
 * apart from the API, which then runs with PROJECTIONS=off.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  protectDataDir(config);
  const projections = loadProjections(config.projectionsModule);
  const events = await openEventStore(config);
  const store = await openDocumentStore(config);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'gongjian_worker_' });
  const engine = new ProjectionEngine({
    events,
    store,
    projections,
    settings: {
      batchSize: config.projectionBatchSize,
      leaseMs: config.projectionLeaseMs,
      buildCommitEvents: config.projectionRebuildCommitEvents,
    },
    registry,
    log: { info: line, warn: line, error: line },
  });
  line(
    `event store ${events.engine}, read store ${store.engine}; keeping ${projections.length} read model(s): ${projections.map((p) => `${p.name}@${p.version}`).join(', ') || '(none)'}`,
  );
  engine.start();
  const schedule = startAnchorSchedule(config, events);
  const refresh = setInterval(() => void engine.refreshMetrics().catch(() => undefined), 5000);
  const stop = async (signal: string) => {
    line(`${signal} received, shutting down`);
    clearInterval(refresh);
    schedule?.stop();
    await engine.stop();
    await store.close();
    await events.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** The audit checkpoint schedule runs where projections run: here, in server mode. */
function startAnchorSchedule(
  config: ReturnType<typeof loadConfig>,
  events: Awaited<ReturnType<typeof openEventStore>>,
): AnchorSchedule | undefined {
  const signer = loadAuditSigner(config);
  line(`audit checkpoints are signed by ${formatVerifierKey(verifierOf(signer))}`);
  const when = config.auditAnchorSchedule;
  if (!when) return undefined;
  const anchors = new AuditAnchorService(
    events,
    new LeafIndex(join(config.dataDir, LEAF_INDEX_FILE)),
    signer,
  );
  const schedule = new AnchorSchedule(
    () => anchors.anchor({ id: 'audit-anchor-schedule', role: 'scheduler' }),
    when.cron,
    when.timezone,
    { info: line, error: line },
  );
  schedule.start();
  line(`audit checkpoints on "${when.cron}" (${when.timezone})`);
  return schedule;
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError ? error.message : String((error as Error)?.message ?? error);
  line(message.split('\n')[0]);
  process.exit(1);
});
