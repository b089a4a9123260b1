/**
 * The body of a C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint): origin, tree size, base64 root,
 * then one extension line `time <ISO-8601 UTC>`, the instant it was signed. The format discourages
 * extension lines because log monitors cannot audit them; ours is there so that an offline
 * verifier can judge staleness from a signed time rather than from an unsigned field.
 */
export interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: Buffer;
  signedAt: string;
}

const TIME_PREFIX = 'time ';

export function formatCheckpoint({ origin, treeSize, rootHash, signedAt }: Checkpoint): string {
  return `${origin}\n${treeSize}\n${rootHash.toString('base64')}\n${TIME_PREFIX}${signedAt}\n`;
}

export function parseCheckpoint(text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.length < 4 || lines[lines.length - 1] !== '') throw new Error('not a checkpoint');
  const [origin, size, root] = lines;
  if (!origin || /[\s+]/u.test(origin))
    throw new Error('checkpoint origin is missing or malformed');
  if (!/^(0|[1-9]\d*)$/.test(size) || !Number.isSafeInteger(Number(size))) {
    throw new Error('checkpoint tree size is not a decimal number');
  }
  const rootHash = Buffer.from(root, 'base64');
  if (rootHash.length !== 32 || rootHash.toString('base64') !== root) {
    throw new Error('checkpoint root hash is not 32 bytes of base64');
  }
  const time = lines.slice(3, -1).find((line) => line.startsWith(TIME_PREFIX));
  const signedAt = time?.slice(TIME_PREFIX.length) ?? '';
  if (Number.isNaN(Date.parse(signedAt))) throw new Error('checkpoint has no signing time');
  return { origin, treeSize: Number(size), rootHash, signedAt };
}
