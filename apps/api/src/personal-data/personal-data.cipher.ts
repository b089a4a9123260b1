import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Legacy values: AES-256-GCM, no associated data. Still read, never written. */
const V1 = 'pd1';
/** Current values: AES-256-GCM with the member and the field as associated data. */
const V2 = 'pd2';
const TAG_BYTES = 16;

/** Where a sealed value belongs: moved to another member or field, it no longer opens. */
export interface PersonalDataBinding {
  memberId: string;
  field: 'idNumber' | 'phone';
}

/**
 * AES-256-GCM for identity numbers and phones at rest: events hold only
 * `pd2:<iv>:<tag>:<ct>` (base64url parts). A wrong key, an altered or truncated value, or a
 * value copied onto another member or field fails authentication instead of decrypting.
 */
export class PersonalDataCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new RangeError('personal data key must be 32 bytes');
  }

  encrypt(clear: string, binding: PersonalDataBinding): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(binding));
    const ciphertext = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
    return [V2, ...parts].join(':');
  }

  decrypt(sealed: string, binding: PersonalDataBinding): string {
    const [version, iv, tag, ciphertext, extra] = sealed.split(':');
    if ((version !== V1 && version !== V2) || !iv || !tag || ciphertext === undefined || extra) {
      throw new Error('not an encrypted personal data value');
    }
    const authTag = Buffer.from(tag, 'base64url');
    if (authTag.length !== TAG_BYTES) throw new Error('personal data value has a truncated tag');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    if (version === V2) decipher.setAAD(associatedData(binding));
    decipher.setAuthTag(authTag);
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }
}

/** Length-prefixed, so no two bindings share their bytes. */
function associatedData({ memberId, field }: PersonalDataBinding): Buffer {
  const parts = ['gongjian personal data', memberId, field].map((p) => Buffer.from(p, 'utf8'));
  return Buffer.concat(
    parts.flatMap((p) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(p.length);
      return [length, p];
    }),
  );
}

export const PERSONAL_DATA_CIPHER = Symbol.for('gongjian.PersonalDataCipher');
