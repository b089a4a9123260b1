import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { hashedBytesOf, RecordedEvent } from '@gongjian/event-store';
import { NodeHash } from '../merkle/merkle-hash';

/**
 * The bytes of one event as the audit hashes them. See libs/audit/README.md, "Leaf bytes".
 *
 * `link` is exactly what the per-stream chain hashes (`hashLink` of @gongjian/event-store): RFC
 * 8785 canonical JSON of stream, revision, event id, type, data and metadata without `hash`.
 * The Merkle leaf is RFC 8785 canonical JSON of `{ hash, link, position }`; because canonical
 * JSON sorts keys and a nested object serializes as it does alone, that is the link's bytes
 * wrapped, never a second serialization.
 */
export interface EventBytes {
  /** What the chain hashes; its SHA-256 must be `chainHash`. */
  link: Buffer;
  /** The leaf preimage: SHA-256(0x00 ‖ leaf) is the Merkle leaf hash. */
  leaf: Buffer;
  /** 0x00 ‖ leaf, what the leaf hash is over (`leaf` and `link` are views into it). */
  leafInput: Buffer;
  /** The chain hash the event claims (metadata.hash). */
  chainHash: string;
}

export function eventBytes(event: RecordedEvent): EventBytes {
  const chainHash = event.metadata.hash;
  const link = eventLinkBytes(event);
  const layout = leafLayout(chainHash, link.length, event.position);
  const leafInput = Buffer.allocUnsafe(layout.length);
  writeLeafInput(leafInput, 0, layout, link, 0, link.length);
  return { link, leaf: leafInput.subarray(1), leafInput, chainHash };
}

/** What the chain hashes for this event. */
export function eventLinkBytes(event: RecordedEvent): Buffer {
  // The bytes the store kept, when it did; serializing again gives the same, only slower.
  return hashedBytesOf(event) ?? Buffer.from(serializeLink(event), 'utf8');
}

/** Where the parts of 0x00 ‖ leaf go: the link's bytes sit between a head and a tail. */
export interface LeafLayout {
  head: string;
  headLength: number;
  tail: string;
  /** Of the whole leaf input, 0x00 included. */
  length: number;
}

export function leafLayout(chainHash: string, linkLength: number, position: string): LeafLayout {
  const head = `{"hash":${JSON.stringify(chainHash)},"link":`;
  const tail = `,"position":${JSON.stringify(position)}}`;
  const headLength = Buffer.byteLength(head, 'utf8');
  return { head, headLength, tail, length: 1 + headLength + linkLength + Buffer.byteLength(tail) };
}

/** Writes 0x00 ‖ leaf at `offset`, the link being `source[start, end)`. */
export function writeLeafInput(
  target: Buffer,
  offset: number,
  { head, headLength, tail }: LeafLayout,
  source: Buffer,
  start: number,
  end: number,
): void {
  target[offset] = 0x00;
  target.write(head, offset + 1, 'utf8');
  source.copy(target, offset + 1 + headLength, start, end);
  target.write(tail, offset + 1 + headLength + end - start, 'utf8');
}

const HASH_HEAD = Buffer.from('\x00{"hash":"', 'latin1');
const LINK_KEY = Buffer.from('","link":');
const POSITION_KEY = Buffer.from(',"position":"');
const FIXED = HASH_HEAD.length + 64 + LINK_KEY.length + POSITION_KEY.length + 2;

/** Where the claimed hash's hex digits sit in 0x00 ‖ leaf, when the hash is 64 hex digits. */
export const LEAF_HASH_OFFSET = HASH_HEAD.length;
/** Where the link starts in 0x00 ‖ leaf, then. */
export const LEAF_LINK_OFFSET = HASH_HEAD.length + 64 + LINK_KEY.length;

/**
 * 0x00 ‖ leaf as writeLeafInput writes it, for the common case of a hash of 64 lowercase hex
 * digits and a position of printable ASCII without quote or backslash (so JSON.stringify would
 * add only the quotes), byte by byte instead of through strings: the end offset, or -1 when the
 * case does not apply or `target` has no room (what was written then is garbage).
 */
export function writePlainLeafInput(
  target: Buffer,
  offset: number,
  chainHash: string,
  position: string,
  source: Buffer,
  start: number,
  end: number,
): number {
  if (chainHash.length !== 64) return -1;
  if (offset + FIXED + (end - start) + position.length > target.length) return -1;
  // The short constant parts byte by byte: a native copy costs more than it moves.
  let at = put(target, offset, HASH_HEAD);
  for (let i = 0; i < 64; i++) {
    const c = chainHash.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return -1;
    target[at++] = c;
  }
  at = put(target, at, LINK_KEY);
  at += source.copy(target, at, start, end);
  at = put(target, at, POSITION_KEY);
  for (let i = 0; i < position.length; i++) {
    const c = position.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return -1;
    target[at++] = c;
  }
  target[at++] = 0x22;
  target[at++] = 0x7d;
  return at;
}

function put(target: Buffer, at: number, bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) target[at + i] = bytes[i];
  return at + bytes.length;
}

function serializeLink(event: RecordedEvent): string {
  const { hash: _hash, ...metadata } = event.metadata;
  const json = canonicalize({
    streamId: event.streamId,
    revision: event.revision,
    eventId: event.eventId,
    type: event.type,
    data: event.data,
    metadata,
  });
  if (json === undefined) throw new Error(`event ${event.eventId} is not serializable`);
  return json;
}

/** SHA-256 (hex) of the link bytes: equal to `metadata.hash` unless the event was altered. */
export function linkHash(bytes: EventBytes): string {
  return hash('sha256', bytes.link, 'hex');
}

export function eventLeafHash(bytes: EventBytes): NodeHash {
  return hash('sha256', bytes.leafInput, 'buffer');
}

/** What a leaf says of its event, read back from the leaf bytes alone (offline verification). */
export interface LeafContent {
  hash: string;
  position: string;
  link: {
    streamId: string;
    revision: number;
    eventId: string;
    type: string;
    data: Record<string, unknown>;
    metadata: Record<string, unknown> & { prevHash: string; recordedAt: string };
  };
}

/** Parses leaf bytes and checks that they are canonical, i.e. exactly what the log hashes. */
export function readLeaf(leaf: Buffer): LeafContent {
  const text = leaf.toString('utf8');
  const content = JSON.parse(text) as LeafContent;
  if (canonicalize(content) !== text) throw new Error('leaf bytes are not canonical JSON');
  const { hash: chainHash, position, link } = content;
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  const wellFormed =
    Object.keys(content).length === 3 &&
    typeof chainHash === 'string' &&
    typeof position === 'string' &&
    isObject(link) &&
    typeof link.streamId === 'string' &&
    Number.isSafeInteger(link.revision) &&
    typeof link.eventId === 'string' &&
    typeof link.type === 'string' &&
    isObject(link.data) &&
    isObject(link.metadata) &&
    typeof link.metadata.prevHash === 'string' &&
    typeof link.metadata.recordedAt === 'string';
  if (!wellFormed) throw new Error('leaf bytes are not an event of the log');
  return content;
}
