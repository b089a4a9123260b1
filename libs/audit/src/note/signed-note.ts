import { createHash, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { strictBase64 } from '../encoding/strict-base64';

/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519: the text, a blank line, then one line
 * per signature, `— <key name> base64(key id ‖ signature)`.
 */
const ED25519_TYPE = 0x01;
const SIGNATURE_PREFIX = '\u2014 ';

export interface NoteSigner {
  name: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** What a verifier must know of a key: its name, its 4-byte id and the key itself. */
export interface NoteVerifier {
  name: string;
  keyId: Buffer;
  publicKey: KeyObject;
}

/** SHA-256(name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key)[:4]. */
export function noteKeyId(name: string, publicKey: KeyObject): Buffer {
  return createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, ED25519_TYPE]))
    .update(rawEd25519(publicKey))
    .digest()
    .subarray(0, 4);
}

export function verifierOf(signer: Pick<NoteSigner, 'name' | 'publicKey'>): NoteVerifier {
  return {
    name: signer.name,
    keyId: noteKeyId(signer.name, signer.publicKey),
    publicKey: signer.publicKey,
  };
}

/** The verifier key string `<name>+<hex key id>+<base64(0x01 ‖ public key)>`. */
export function formatVerifierKey(verifier: NoteVerifier): string {
  const key = Buffer.concat([Buffer.from([ED25519_TYPE]), rawEd25519(verifier.publicKey)]);
  return `${verifier.name}+${verifier.keyId.toString('hex')}+${key.toString('base64')}`;
}

export function parseVerifierKey(vkey: string): NoteVerifier {
  const [name, id, ...key64] = vkey.trim().split('+');
  const parts = [name, id, key64.join('+')];
  if (key64.length === 0 || !isKeyName(parts[0]) || !/^[0-9a-f]{8}$/.test(parts[1])) {
    throw new Error('not a verifier key: expected <name>+<8 hex digits>+<base64 key>');
  }
  const key = strictBase64(parts[2]);
  if (key?.length !== 33 || key[0] !== ED25519_TYPE) throw new Error('not an Ed25519 verifier key');
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: key.subarray(1).toString('base64url') },
    format: 'jwk',
  });
  const verifier = { name: parts[0], keyId: Buffer.from(parts[1], 'hex'), publicKey };
  if (!noteKeyId(verifier.name, publicKey).equals(verifier.keyId)) {
    throw new Error('the verifier key id does not match its name and key');
  }
  return verifier;
}

/** Signs `text` (which must end in a newline) as a note. */
export function signNote(text: string, signer: NoteSigner): string {
  checkText(text);
  const signature = sign(null, Buffer.from(text, 'utf8'), signer.privateKey);
  const keyId = noteKeyId(signer.name, signer.publicKey);
  return `${text}\n${SIGNATURE_PREFIX}${signer.name} ${Buffer.concat([keyId, signature]).toString('base64')}\n`;
}

export type OpenedNote = { ok: true; text: string } | { ok: false; reason: string };

/**
 * The note's text when a signature of `verifier` verifies. Signatures of other keys are ignored,
 * as the format requires; a note with none of ours, or a bad one, is refused.
 */
export function openNote(note: string, verifier: NoteVerifier): OpenedNote {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return { ok: false, reason: 'not a signed note' };
  const text = note.slice(0, split + 1);
  try {
    checkText(text);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  let ours = 0;
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (!match) return { ok: false, reason: `malformed signature line: ${line.slice(0, 80)}` };
    const signature = strictBase64(match[2]);
    if (!signature) return { ok: false, reason: `signature of ${match[1]} is not strict base64` };
    if (match[1] !== verifier.name || !signature.subarray(0, 4).equals(verifier.keyId)) continue;
    ours++;
    const valid =
      signature.length === 68 &&
      verify(null, Buffer.from(text, 'utf8'), verifier.publicKey, signature.subarray(4));
    if (!valid) return { ok: false, reason: `the signature of ${verifier.name} does not verify` };
  }
  return ours > 0 ? { ok: true, text } : { ok: false, reason: `no signature by ${verifier.name}` };
}

function rawEd25519(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

function isKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name);
}

function checkText(text: string): void {
  if (!text.endsWith('\n')) throw new Error('a note text ends with a newline');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text))
    throw new Error('a note text has no control characters');
}
