import { createHash } from 'node:crypto';
import { ApiKey, AuthenticatedActor } from './api-key';

export const API_KEY_REGISTRY = Symbol.for('gongjian.ApiKeyRegistry');

/** Looks keys up by their SHA-256, so no comparison leaks a key's prefix through timing. */
export class ApiKeyRegistry {
  private readonly byDigest = new Map<string, AuthenticatedActor>();

  constructor(keys: ApiKey[]) {
    for (const k of keys) {
      const digest = sha256(k.key);
      this.byDigest.set(digest, {
        // The actor id names the key without revealing it.
        id: k.name ? `${k.role}:${k.name}` : `${k.role}:${digest.slice(0, 12)}`,
        role: k.role,
        townships: k.townships ?? [],
      });
    }
  }

  find(key: string): AuthenticatedActor | undefined {
    return this.byDigest.get(sha256(key));
  }
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
