import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'pd1';

/**
 * AES-256-GCM for identity numbers and phones at rest: events hold only `pd1:<iv>:<tag>:<ct>`
 * (base64url parts). A wrong key or an altered value fails authentication instead of
 * decrypting to garbage.
 */
export class PersonalDataCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new RangeError('personal data key must be 32 bytes');
  }

  encrypt(clear: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
    return [VERSION, ...parts].join(':');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, ciphertext] = sealed.split(':');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
      throw new Error('not an encrypted personal data value');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }
}

export const PERSONAL_DATA_CIPHER = Symbol.for('gongjian.PersonalDataCipher');
