import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './app-config';

/** Owner only: the directory holds names, birth dates, keys and credentials. */
export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;
/** Files created from now on (SQLite databases, their -wal and -shm) get owner-only modes. */
export const OWNER_ONLY_UMASK = 0o077;

/**
 * Creates DATA_DIR owner-only, and narrows what an earlier version left readable by others:
 * every directory below it to 0700, every file to 0600. Symbolic links are left alone.
 */
export function secureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  narrow(dataDir);
}

function narrow(path: string): void {
  const stats = lstatSync(path);
  if (stats.isSymbolicLink()) return;
  if (stats.isDirectory()) {
    if ((stats.mode & 0o777) !== DATA_DIR_MODE) chmodSync(path, DATA_DIR_MODE);
    for (const entry of readdirSync(path)) narrow(join(path, entry));
  } else if (stats.isFile() && (stats.mode & 0o077) !== 0) {
    chmodSync(path, DATA_FILE_MODE);
  }
}

/**
 * What every process (api, worker, cli) does first: files it creates are owner-only, and the
 * embedded DATA_DIR is secured. With every store on a server in production no DATA_DIR is
 * created.
 */
export function protectDataDir(config: AppConfig): void {
  process.umask(OWNER_ONLY_UMASK);
  const embedded = !config.kurrentdbUrl || !config.mongodbUrl || !config.production;
  if (embedded || existsSync(config.dataDir)) secureDataDir(config.dataDir);
}
