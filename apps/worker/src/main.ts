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
  NoteSigner,
  verifierOf,
} from '@gongjian/audit';
import { AppConfig, ConfigError, loadConfig, protectDataDir } from '@gongjian/config';
import { openEventStore } from '@gongjian/event-store';
import { JobQueue, openJobQueue } from '@gongjian/jobs';
import { loadProjections, ProjectionEngine } from '@gongjian/projections';
import { openDocumentStore } from '@gongjian/read-store';
import { JobHandlerDependencies, RegisteredJobs, registerJobHandlers } from './job-handlers';

const line = (message: string) => process.stderr.write(`gongjian-worker: ${message}\n`);

/**
 * The worker process of server mode: it keeps the read models (projections) so they scale
 * apart from the API, which then runs with PROJECTIONS=off, and, when REDIS_URL is set, runs
 * the BullMQ jobs (a Redis that is down does not stop it: jobs start when Redis answers).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  protectDataDir(config);
  const projections = loadProjections(config.projectionsModule);
  // The signing key production needs is loaded before any store is opened (or created).
  const signer = loadAuditSigner(config);
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
  const schedule = startAnchorSchedule(config, events, signer);
  const refresh = setInterval(() => void engine.refreshMetrics().catch(() => undefined), 5000);
  // Handled from here on, also while the job queue is still connecting.
  let starting: ReturnType<typeof startJobs> = Promise.resolve(undefined);
  const stop = async (signal: string) => {
    line(`${signal} received, shutting down`);
    clearInterval(refresh);
    schedule?.stop();
    await engine.stop();
    const jobs = await starting.catch(() => undefined);
    jobs?.registered.stop();
    await jobs?.queue.close();
    await store.close();
    await events.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  starting = startJobs(config, { events, store, projections, config, log: line });
  await starting;
}

async function startJobs(
  config: AppConfig,
  deps: JobHandlerDependencies,
): Promise<{ queue: JobQueue; registered: RegisteredJobs } | undefined> {
  if (!config.redisUrl) return undefined;
  const queue = await openJobQueue(config, {
    log: { info: line, warn: line },
    stalled: { lockDurationMs: config.jobsLockMs, stalledIntervalMs: config.jobsLockMs },
  });
  const registered = registerJobHandlers(queue, deps);
  await queue.start();
  await registered.afterStart();
  line(`jobs: running ${registered.names.join(', ')} (concurrency ${config.jobsConcurrency})`);
  return { queue, registered };
}

/** The audit checkpoint schedule runs where projections run: here, in server mode. */
function startAnchorSchedule(
  config: AppConfig,
  events: Awaited<ReturnType<typeof openEventStore>>,
  signer: NoteSigner,
): AnchorSchedule | undefined {
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
