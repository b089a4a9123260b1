import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, loadConfig } from '@gongjian/config';
import { EventStore, SqliteEventStore } from '@gongjian/event-store';
import type { DocumentStore } from '@gongjian/read-store';
import { createApp } from '../../apps/api/src/bootstrap/create-app';
import { ApiKey } from '../../apps/api/src/http/auth/api-key';

export const KEYS = {
  admin: 'e2e-admin-key-000000000001',
  operatorT01: 'e2e-operator-key-0000000t01',
  inspector: 'e2e-inspector-key-000000001',
  scheduler: 'e2e-scheduler-key-000000001',
} as const;

const API_KEYS: ApiKey[] = [
  { key: KEYS.admin, role: 'admin', name: 'e2e admin' },
  { key: KEYS.operatorT01, role: 'operator', townships: ['T01'], name: 'e2e operator' },
  { key: KEYS.inspector, role: 'inspector', name: 'e2e inspector' },
  { key: KEYS.scheduler, role: 'scheduler', name: 'e2e scheduler' },
];

export interface Harness {
  app: NestFastifyApplication;
  store: EventStore;
  /** Base URL of the app listening on a real loopback port. */
  url: string;
  close(): Promise<void>;
}

/** The real HTTP app on a fresh embedded store, listening on an ephemeral loopback port. */
export async function startApi(
  options: { store?: EventStore; readStore?: DocumentStore; config?: Partial<AppConfig> } = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongjian-e2e-'));
  const config = {
    ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    bodyLimitBytes: 64 * 1024,
    // As production requires; a fresh one per app, like the personal data key below.
    auditSigningKey: randomBytes(32).toString('base64'),
    ...options.config,
  };
  const store = options.store ?? new SqliteEventStore(join(dataDir, 'events.sqlite'));
  const app = await createApp(
    {
      config,
      store,
      readStore: options.readStore,
      apiKeys: API_KEYS,
      personalDataKey: randomBytes(32),
    },
    { logs: false },
  );
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    store,
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * The last log position a command answered, per app: queries made through `client` read their
 * writes (they send it as `minPosition` unless the path names one).
 */
const lastPositions = new Map<string, string>();

function readingYourWrites(url: string, method: string, path: string): string {
  const position = lastPositions.get(url);
  if (method !== 'GET' || position === undefined || /[?&]minPosition=/.test(path)) return path;
  return `${path}${path.includes('?') ? '&' : '?'}minPosition=${encodeURIComponent(position)}`;
}

/** A small client over fetch; every call names its key. */
export function client(harness: Pick<Harness, 'url'>, key: string = KEYS.admin) {
  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> => {
    const target = readingYourWrites(harness.url, method, path);
    const response = await fetch(`${harness.url}/api/v1${target}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const position =
      method === 'POST' && text ? (JSON.parse(text) as { position?: unknown }).position : undefined;
    if (typeof position === 'string' && position > (lastPositions.get(harness.url) ?? '')) {
      lastPositions.set(harness.url, position);
    }
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
    };
  };
  return {
    get: <T = Record<string, unknown>>(path: string) => call<T>('GET', path),
    post: <T = Record<string, unknown>>(
      path: string,
      body: unknown,
      headers?: Record<string, string>,
    ) => call<T>('POST', path, body, headers),
  };
}
