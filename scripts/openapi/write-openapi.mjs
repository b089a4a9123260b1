// Writes the API's OpenAPI document (the one served at /docs-json) to a file, from the compiled
// app (`npm run compile`), without listening or touching DATA_DIR: `npm run lint:openapi`
// lints it with Redocly's recommended rules.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const dist = resolve(dirname(new URL(import.meta.url).pathname), '../../dist');
require('reflect-metadata');
const { loadConfig } = require(`${dist}/libs/config/src`);
const { SqliteEventStore } = require(`${dist}/libs/event-store/src`);
const { createApp } = require(`${dist}/apps/api/src/bootstrap/create-app`);
const { buildOpenApiDocument } = require(`${dist}/apps/api/src/bootstrap/openapi/openapi-document`);

const out = resolve(process.argv[2] ?? 'dist/openapi.json');
const app = await createApp(
  {
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    store: new SqliteEventStore(':memory:'),
    apiKeys: [{ key: randomBytes(24).toString('base64url'), role: 'admin' }],
    personalDataKey: randomBytes(32),
  },
  { logs: false },
);
const document = buildOpenApiDocument(app);
await app.close();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
process.stderr.write(`openapi: ${Object.keys(document.paths).length} paths written to ${out}\n`);
