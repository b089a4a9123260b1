import 'reflect-metadata';
import { ConfigError, loadConfig } from '@gongjian/config';
import { openEventStore } from '@gongjian/event-store';
import { createApp } from './bootstrap/create-app';
import { runUntilSignalled } from './bootstrap/run-until-signalled';
import { loadApiKeys } from './http/auth/api-keys.loader';

async function main(): Promise<void> {
  const config = loadConfig();
  const store = await openEventStore({
    kurrentdbUrl: config.kurrentdbUrl,
    dataDir: config.dataDir,
    timeoutMs: config.storeTimeoutMs,
    startupTimeoutMs: config.startupTimeoutMs,
  });
  const { keys, generatedFile } = loadApiKeys(config);
  if (generatedFile)
    process.stderr.write(`gongjian: development API keys are in ${generatedFile}\n`);
  const app = await createApp({ config, store, apiKeys: keys });
  await app.listen(config.port, config.host);
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
