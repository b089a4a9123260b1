import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, ConfigError } from '@gongjian/config';

/** PERSONAL_DATA_KEY (base64, 32 bytes); in development a key generated into DATA_DIR. */
export function loadPersonalDataKey(config: AppConfig): Buffer {
  if (config.personalDataKey) {
    const key = Buffer.from(config.personalDataKey, 'base64');
    if (key.length !== 32)
      throw new ConfigError('PERSONAL_DATA_KEY', 'must be 32 bytes, base64-encoded');
    return key;
  }
  if (config.production) {
    throw new ConfigError('PERSONAL_DATA_KEY', 'production needs a key for personal data at rest');
  }
  const file = join(config.dataDir, 'personal-data.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new ConfigError('DATA_DIR', `${file} does not hold a 32-byte key`);
  return key;
}
