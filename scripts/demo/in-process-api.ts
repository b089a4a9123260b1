import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@gongjian/config';
import { openEventStore } from '@gongjian/event-store';
import { createApp } from '../../apps/api/src/bootstrap/create-app';
import { loadApiKeys } from '../../apps/api/src/http/auth/api-keys.loader';
import { loadPersonalDataKey } from '../../apps/api/src/personal-data/personal-data-key.loader';
import { DemoTarget } from './demo-runner';

export interface InProcessApi extends DemoTarget {
  close(): Promise<void>;
}

/**
 * The API in this process on an ephemeral loopback port, with the embedded stores in `dataDir`
 * and its development keys (so `DATA_DIR=<dataDir> npm start` serves the same county after).
 */
export async function startInProcessApi(dataDir: string): Promise<InProcessApi> {
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', PORT: '0' });
  const { keys } = loadApiKeys(config);
  const admin = keys.find((k) => k.role === 'admin');
  if (!admin) throw new Error('no admin key among the API keys');
  const store = await openEventStore(config);
  const app: NestFastifyApplication = await createApp(
    { config, store, apiKeys: keys, personalDataKey: loadPersonalDataKey(config) },
    { logs: false },
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, apiKey: admin.key, close: () => app.close() };
}
