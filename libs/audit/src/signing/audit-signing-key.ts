import { createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, ConfigError } from '@gongjian/config';
import { NoteSigner } from '../note/signed-note';

// PKCS#8 DER of an Ed25519 private key is this fixed prefix followed by the 32-byte seed.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export const DEV_SIGNING_KEY_FILE = 'audit-signing.key';

/**
 * A key development generates begins with these 6 bytes (its base64 with `gjDEVKEY`), so that
 * production recognises it wherever it was copied to; the other 26 bytes are random.
 */
const DEVELOPMENT_KEY_MARK = Buffer.from('gjDEVKEY', 'base64');

type SigningConfig = Pick<
  AppConfig,
  'auditSigningKey' | 'auditLogOrigin' | 'production' | 'dataDir'
>;

/** The checkpoint signer from a 32-byte Ed25519 seed; the key name is the log's origin. */
export function signerFromSeed(name: string, seed: Buffer): NoteSigner {
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return { name, privateKey, publicKey: createPublicKey(privateKey) };
}

/**
 * AUDIT_SIGNING_KEY (base64 seed). Production refuses to start without it, and with a key
 * development generated; development generates one into DATA_DIR so that checkpoints stay
 * verifiable across restarts.
 */
export function loadAuditSigner(config: SigningConfig): NoteSigner {
  if (config.auditSigningKey) {
    const seed = Buffer.from(config.auditSigningKey, 'base64');
    if (seed.length !== 32) {
      throw new ConfigError('AUDIT_SIGNING_KEY', 'must be a 32-byte Ed25519 seed, base64-encoded');
    }
    if (config.production && generatedByDevelopment(seed, config.dataDir)) {
      throw new ConfigError(
        'AUDIT_SIGNING_KEY',
        `a key development generated (DATA_DIR/${DEV_SIGNING_KEY_FILE}) is refused in production; give one of its own: 32 random bytes, base64-encoded`,
      );
    }
    return signerFromSeed(config.auditLogOrigin, seed);
  }
  if (config.production) {
    throw new ConfigError('AUDIT_SIGNING_KEY', 'production needs a key to sign audit checkpoints');
  }
  const file = join(config.dataDir, DEV_SIGNING_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    const seed = Buffer.concat([
      DEVELOPMENT_KEY_MARK,
      randomBytes(32 - DEVELOPMENT_KEY_MARK.length),
    ]);
    writeFileSync(file, `${seed.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const seed = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (seed.length !== 32) throw new ConfigError('DATA_DIR', `${file} does not hold a 32-byte key`);
  return signerFromSeed(config.auditLogOrigin, seed);
}

/** Marked, or (for keys generated before they were marked) the one kept in DATA_DIR. */
function generatedByDevelopment(seed: Buffer, dataDir: string): boolean {
  if (seed.subarray(0, DEVELOPMENT_KEY_MARK.length).equals(DEVELOPMENT_KEY_MARK)) return true;
  try {
    const kept = readFileSync(join(dataDir, DEV_SIGNING_KEY_FILE), 'utf8').trim();
    return Buffer.from(kept, 'base64').equals(seed);
  } catch {
    return false;
  }
}
