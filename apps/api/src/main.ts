import 'reflect-metadata';
import { loadAuditSigner } from '@gongjian/audit';
import { ConfigError, loadConfig, protectDataDir } from '@gongjian/config';
import { openEventStore } from '@gongjian/event-store';
import { openDocumentStore } from '@gongjian/read-store';
import { loadProjections } from '@gongjian/projections';
import { createApp } from './bootstrap/create-app';
import { runUntilSignalled } from './bootstrap/run-until-signalled';
import { loadApiKeys } from './http/auth/api-keys.loader';
import { METRICS, MetricsRegistry } from './metrics/metrics.registry';
import { startMetricsServer } from './metrics/metrics.server';
import { loadPersonalDataKey } from './personal-data/personal-data-key.loader';

async function main(): Promise<void> {
  const config = loadConfig();
  protectDataDir(config);
  const { keys, generatedFile } = loadApiKeys(config);
  const personalDataKey = loadPersonalDataKey(config);
  // Every key production needs is loaded before any store is opened (or created).
  const auditSigner = loadAuditSigner(config);
  const store = await openEventStore(config);
  const readStore = await openDocumentStore(config);
  const projections = loadProjections(config.projectionsModule);
  const app = await createApp({
    config,
    store,
    readStore,
    projections,
    apiKeys: keys,
    personalDataKey,
    auditSigner,
  });
  await app.listen(config.port, config.host);
  if (config.metrics) {
    await startMetricsServer(
      app.get<MetricsRegistry>(METRICS),
      config.metrics.host,
      config.metrics.port,
    );
    process.stderr.write(
      `gongjian: metrics on http://${config.metrics.host}:${config.metrics.port}/metrics\n`,
    );
  }
  if (generatedFile)
    process.stderr.write(`gongjian: development API keys are in ${generatedFile}\n`);
  process.stderr.write(
    `gongjian: listening on http://${config.host}:${config.port} (event store: ${store.engine}; read store: ${readStore.engine}; projections: ${config.projections}; docs at /docs)\n`,
  );
  runUntilSignalled(app);
}

main().catch((error: unknown) => {
  // One line, no stack: the operator needs the variable and the address, not our internals.
  const message =
    error instanceof ConfigError
      ? error.message
      : `startup failed: ${String((error as Error)?.message ?? error)}`;
  process.stderr.write(`gongjian: ${message.split('\n')[0]}\n`);
  process.exit(1);
});
