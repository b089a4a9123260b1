import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, ConfigError } from '@gongjian/config';
import { ApiKey, ROLES } from './api-key';

export interface LoadedKeys {
  keys: ApiKey[];
  /** Set when keys were generated for development; its path is printed at start. */
  generatedFile?: string;
}

/** API_KEYS (inline JSON) or API_KEYS_FILE; in development a generated credentials file. */
export function loadApiKeys(config: AppConfig): LoadedKeys {
  if (config.apiKeysJson) return { keys: parseKeys(config.apiKeysJson, 'API_KEYS') };
  if (config.apiKeysFile) {
    let text: string;
    try {
      text = readFileSync(config.apiKeysFile, 'utf8');
    } catch (error) {
      throw new ConfigError(
        'API_KEYS_FILE',
        `cannot read ${config.apiKeysFile}: ${(error as Error).message}`,
      );
    }
    return { keys: parseKeys(text, 'API_KEYS_FILE') };
  }
  if (config.production) {
    throw new ConfigError('API_KEYS_FILE', 'production needs API keys (API_KEYS_FILE or API_KEYS)');
  }
  return developmentKeys(config.dataDir);
}

function developmentKeys(dataDir: string): LoadedKeys {
  const file = join(dataDir, 'credentials.json');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const key = () => randomBytes(24).toString('base64url');
    const keys: ApiKey[] = [
      { key: key(), role: 'admin', name: 'development admin' },
      { key: key(), role: 'operator', townships: ['*'], name: 'development operator' },
      { key: key(), role: 'inspector', name: 'development inspector' },
      { key: key(), role: 'scheduler', name: 'development scheduler' },
    ];
    writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  }
  return { keys: parseKeys(readFileSync(file, 'utf8'), file), generatedFile: file };
}

export function parseKeys(text: string, source: string): ApiKey[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError(source, 'is not valid JSON');
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new ConfigError(
      source,
      'must be a non-empty JSON array of { key, role, townships?, name? }',
    );
  }
  const seen = new Set<string>();
  return parsed.map((entry: Partial<ApiKey>, i) => {
    if (typeof entry?.key !== 'string' || entry.key.length < 16) {
      throw new ConfigError(source, `entry ${i}: key must be a string of at least 16 characters`);
    }
    if (!ROLES.includes(entry.role as ApiKey['role'])) {
      throw new ConfigError(source, `entry ${i}: role must be one of ${ROLES.join(', ')}`);
    }
    if (
      entry.townships !== undefined &&
      !(Array.isArray(entry.townships) && entry.townships.every((t) => typeof t === 'string'))
    ) {
      throw new ConfigError(source, `entry ${i}: townships must be an array of strings`);
    }
    if (seen.has(entry.key)) throw new ConfigError(source, `entry ${i}: duplicate key`);
    seen.add(entry.key);
    return {
      key: entry.key,
      role: entry.role as ApiKey['role'],
      townships: entry.townships,
      name: entry.name,
    };
  });
}
