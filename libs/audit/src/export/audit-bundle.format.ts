/**
 * An audit bundle is NDJSON, one RFC 8785 canonical JSON object per line, in this order:
 * 1. `header`: the verifier key and a note signed by it that states what the bundle holds;
 * 2. `checkpoint` lines, oldest first, the last being the one everything is proven against,
 *    each with a consistency proof to that last one;
 * 3. `event` lines in log order: the exact leaf bytes and an inclusion proof.
 * Canonical lines make every edit an edit of meaning, so it fails a check at that very line.
 */
export const BUNDLE_FORMAT = 'gongjian-audit-bundle/1';

export interface BundleHeaderLine {
  kind: 'header';
  /** C2SP verifier key: `<name>+<key id>+<base64 key>`. */
  verifierKey: string;
  /** Signed note; its text is `describeBundle(...)`. */
  note: string;
}

export interface BundleCheckpointLine {
  kind: 'checkpoint';
  treeSize: number;
  note: string;
  /** Base64 hashes from treeSize to the last checkpoint's size ([] for the last itself). */
  consistencyProof: string[];
}

export interface BundleEventLine {
  kind: 'event';
  /** Leaf index in the log's tree. */
  index: number;
  /** Base64 of the leaf bytes. */
  leaf: string;
  /** Base64 hashes to the last checkpoint's root. */
  inclusionProof: string[];
}

export type BundleLine = BundleHeaderLine | BundleCheckpointLine | BundleEventLine;

export interface BundleDescription {
  origin: string;
  createdAt: string;
  from: string;
  to: string;
  streamPrefix: string;
  treeSize: number;
  checkpoints: number;
  events: number;
}

export function describeBundle(d: BundleDescription): string {
  return [
    BUNDLE_FORMAT,
    `origin ${d.origin}`,
    `created ${d.createdAt}`,
    `from ${d.from || '-'}`,
    `to ${d.to || '-'}`,
    `stream-prefix ${d.streamPrefix || '-'}`,
    `tree-size ${d.treeSize}`,
    `checkpoints ${d.checkpoints}`,
    `events ${d.events}`,
    '',
  ].join('\n');
}

export function readBundleDescription(text: string): BundleDescription {
  const lines = text.split('\n');
  if (lines[0] !== BUNDLE_FORMAT || lines.length !== 10)
    throw new Error(`not a ${BUNDLE_FORMAT} header`);
  const field = (i: number, name: string) => {
    const prefix = `${name} `;
    if (!lines[i].startsWith(prefix)) throw new Error(`header line ${i + 1} is not "${name}"`);
    const value = lines[i].slice(prefix.length);
    return value === '-' ? '' : value;
  };
  const count = (i: number, name: string) => {
    const value = field(i, name);
    if (!/^\d+$/.test(value)) throw new Error(`header "${name}" is not a number`);
    return Number(value);
  };
  return {
    origin: field(1, 'origin'),
    createdAt: field(2, 'created'),
    from: field(3, 'from'),
    to: field(4, 'to'),
    streamPrefix: field(5, 'stream-prefix'),
    treeSize: count(6, 'tree-size'),
    checkpoints: count(7, 'checkpoints'),
    events: count(8, 'events'),
  };
}
