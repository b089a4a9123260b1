import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { GENESIS_HASH } from '@gongjian/event-store';
import { readLeaf } from '../event-bytes/event-leaf';
import { hashLeaf } from '../merkle/merkle-hash';
import { checkConsistency, checkInclusion } from '../merkle/merkle-proof.verifier';
import { Checkpoint, parseCheckpoint } from '../note/checkpoint-note';
import { NoteVerifier, openNote, parseVerifierKey } from '../note/signed-note';
import { BundleDescription, readBundleDescription } from './audit-bundle.format';
import { strictBase64 } from '../encoding/strict-base64';
import { matches } from './audit-bundle.writer';

export const BUNDLE_CHECKS = [
  'format',
  'signature',
  'consistency',
  'inclusion',
  'chain',
  'staleness',
] as const;
export type BundleCheckName = (typeof BUNDLE_CHECKS)[number];

export interface BundleCheck {
  check: BundleCheckName;
  ok: boolean;
  /** The first line (1-based) this check fails at. */
  line?: number;
  reason?: string;
  /** It could not be run (no usable key): not passed either. */
  notRun?: true;
}

/** What a key is needed for: without one that can be read, these are not run. */
const NEEDS_KEY: ReadonlySet<BundleCheckName> = new Set([
  'signature',
  'consistency',
  'inclusion',
  'staleness',
]);

export interface BundleVerification {
  ok: boolean;
  checks: BundleCheck[];
  firstFailure?: { line: number; check: BundleCheckName; reason: string };
  verifierKey?: string;
  /** The key came from the bundle itself: compare it with the county's published key. */
  keyFromBundle: boolean;
  treeSize?: number;
  signedAt?: string;
  events: number;
  checkpoints: number;
}

export interface BundleVerifyOptions {
  /** The county's verifier key (GET /audit/public-key); without it the bundle's own is used. */
  verifierKey?: string;
  now: Date;
  /** Older than this, the latest checkpoint is stale (default 48 h: a daily schedule and slack). */
  maxAgeMs?: number;
}

interface ParsedCheckpoint {
  line: number;
  checkpoint?: Checkpoint;
  proof: Buffer[];
}

/** Verifies a bundle offline: every check is run and reported on its own, with its first failing line. */
export function verifyBundle(text: string, options: BundleVerifyOptions): BundleVerification {
  const failures = new Map<BundleCheckName, { line: number; reason: string }>();
  const fail = (check: BundleCheckName, line: number, reason: string) => {
    const known = failures.get(check);
    if (!known || line < known.line) failures.set(check, { line, reason });
  };
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const parsed = lines.map((line, i) => parseLine(line, i + 1, fail));

  // Header: the key, and what the bundle says it holds.
  const header = parsed[0];
  let verifier: NoteVerifier | undefined;
  let description: BundleDescription | undefined;
  const keyFromBundle = !options.verifierKey;
  if (
    header?.kind !== 'header' ||
    typeof header.verifierKey !== 'string' ||
    typeof header.note !== 'string'
  ) {
    fail('format', 1, 'the first line is not a bundle header');
  } else {
    try {
      verifier = parseVerifierKey(options.verifierKey ?? header.verifierKey);
      if (options.verifierKey && header.verifierKey !== options.verifierKey) {
        fail('signature', 1, 'the bundle is signed by another key than the one given');
      }
      const opened = openNote(header.note, verifier);
      if (!opened.ok) fail('signature', 1, opened.reason);
      else description = readBundleDescription(opened.text);
      if (description && description.origin !== verifier.name)
        fail('format', 1, 'header origin is not the key name');
    } catch (error) {
      fail('format', 1, (error as Error).message);
    }
  }

  // Checkpoints: signatures now, consistency once the latest is known.
  const checkpoints: ParsedCheckpoint[] = [];
  // The signed header says how many checkpoint lines follow it; without it, their kind does.
  const firstNonCheckpoint = parsed.slice(1).findIndex((p) => p?.kind !== 'checkpoint');
  const checkpointLines = description
    ? description.checkpoints
    : firstNonCheckpoint < 0
      ? parsed.length - 1
      : firstNonCheckpoint;
  let at = 1;
  for (; at < 1 + Math.min(checkpointLines, parsed.length - 1); at++) {
    const line = at + 1;
    const record = (parsed[at] ?? {}) as Record<string, unknown>;
    const proof = hashes(record.consistencyProof, () =>
      fail('format', line, 'consistency proof is not base64 hashes'),
    );
    const entry: ParsedCheckpoint = { line, proof };
    checkpoints.push(entry);
    if (record.kind !== 'checkpoint' || typeof record.note !== 'string') {
      if (parsed[at]) fail('format', line, 'expected a checkpoint line');
      continue;
    }
    if (!verifier) continue;
    const opened = openNote(record.note, verifier);
    if (!opened.ok) {
      fail('signature', line, opened.reason);
      continue;
    }
    try {
      entry.checkpoint = parseCheckpoint(opened.text);
    } catch (error) {
      fail('format', line, (error as Error).message);
      continue;
    }
    if (entry.checkpoint.treeSize !== record.treeSize)
      fail('format', line, 'tree size differs from the signed note');
  }
  const latest = checkpoints[checkpoints.length - 1];
  if (!latest) fail('format', at + 1, 'the bundle has no checkpoint');
  const root = latest?.checkpoint;
  if (root && description && root.treeSize !== description.treeSize) {
    fail('format', latest.line, 'the latest checkpoint is not the one the header names');
  }
  for (const { line, checkpoint, proof } of checkpoints) {
    if (!checkpoint || !root) continue;
    const inconsistent = checkConsistency(
      checkpoint.treeSize,
      root.treeSize,
      checkpoint.rootHash,
      root.rootHash,
      proof,
    );
    if (inconsistent) fail('consistency', line, inconsistent);
  }
  if (root) {
    const age = options.now.getTime() - Date.parse(root.signedAt);
    const maxAge = options.maxAgeMs ?? 48 * 3_600_000;
    if (age < -5 * 60_000)
      fail(
        'staleness',
        latest.line,
        `the latest checkpoint was signed after ${options.now.toISOString()}`,
      );
    else if (age > maxAge) {
      fail(
        'staleness',
        latest.line,
        `the latest checkpoint is ${Math.floor(age / 3_600_000)} h old (limit ${maxAge / 3_600_000} h)`,
      );
    }
  }

  // Events: inclusion against the latest root, and each stream's chain within the bundle.
  const heads = new Map<string, { revision: number; hash: string }>();
  let previousIndex = -1;
  let events = 0;
  for (; at < parsed.length; at++) {
    const line = at + 1;
    const record = parsed[at] as Record<string, unknown> | undefined;
    if (!record) continue;
    if (record.kind !== 'event') {
      fail('format', line, `unexpected line of kind ${String(record.kind)}`);
      continue;
    }
    events++;
    const index = record.index;
    const leaf = base64(record.leaf);
    const proof = hashes(record.inclusionProof, () =>
      fail('format', line, 'inclusion proof is not base64 hashes'),
    );
    if (typeof index !== 'number' || !Number.isSafeInteger(index) || index <= previousIndex) {
      fail('format', line, 'leaf index is missing or not increasing');
      continue;
    }
    previousIndex = index;
    if (!leaf) {
      fail('format', line, 'leaf is not base64');
      continue;
    }
    if (root) {
      const excluded = checkInclusion(index, root.treeSize, hashLeaf(leaf), proof, root.rootHash);
      if (excluded) fail('inclusion', line, excluded);
    }
    let content;
    try {
      content = readLeaf(leaf);
    } catch (error) {
      fail('format', line, (error as Error).message);
      continue;
    }
    const { link } = content;
    if (
      description &&
      !matches(
        { streamId: link.streamId, metadata: { recordedAt: link.metadata.recordedAt } },
        description,
      )
    ) {
      fail('format', line, "the event is outside the bundle's filter");
    }
    if (hash('sha256', canonicalize(link) as string, 'hex') !== content.hash) {
      fail('chain', line, 'the event does not hash to its chain hash');
    }
    const head = heads.get(link.streamId);
    if (head && (link.revision !== head.revision + 1 || link.metadata.prevHash !== head.hash)) {
      fail(
        'chain',
        line,
        `${link.streamId}@${link.revision} does not follow @${head.revision} of the bundle`,
      );
    } else if (!head && link.revision === 0 && link.metadata.prevHash !== GENESIS_HASH) {
      fail('chain', line, `${link.streamId}@0 does not start its chain`);
    }
    heads.set(link.streamId, { revision: link.revision, hash: content.hash });
  }
  // A line missing from the count is reported where it should have been.
  if (description && description.checkpoints !== checkpoints.length) {
    fail(
      'format',
      parsed.length + 1,
      `the header announces ${description.checkpoints} checkpoints, the bundle has ${checkpoints.length}`,
    );
  }
  if (description && description.events !== events) {
    fail(
      'format',
      parsed.length + 1,
      `the header announces ${description.events} events, the bundle has ${events}`,
    );
  }

  const checks = BUNDLE_CHECKS.map((check): BundleCheck => {
    const failure = failures.get(check);
    if (failure) return { check, ok: false, ...failure };
    if (!verifier && NEEDS_KEY.has(check))
      return { check, ok: false, notRun: true, reason: 'not run: no verifier key to check with' };
    return { check, ok: true };
  });
  const first = checks
    .filter((c) => !c.ok && c.line !== undefined)
    .sort((a, b) => (a.line as number) - (b.line as number))[0];
  return {
    ok: first === undefined,
    checks,
    ...(first && {
      firstFailure: {
        line: first.line as number,
        check: first.check,
        reason: first.reason as string,
      },
    }),
    ...(verifier && {
      verifierKey: options.verifierKey ?? (header as { verifierKey: string }).verifierKey,
    }),
    keyFromBundle,
    ...(root && { treeSize: root.treeSize, signedAt: root.signedAt }),
    events,
    checkpoints: checkpoints.length,
  };
}

type Fail = (check: BundleCheckName, line: number, reason: string) => void;

/** One line as canonical JSON; anything else fails the format check at that line. */
function parseLine(text: string, line: number, fail: Fail): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail('format', line, 'not JSON');
    return undefined;
  }
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    canonicalize(value) !== text
  ) {
    fail('format', line, 'not a canonical JSON object');
    return undefined;
  }
  return value as Record<string, unknown>;
}

const base64 = strictBase64;

function hashes(value: unknown, onError: () => void): Buffer[] {
  if (!Array.isArray(value)) {
    onError();
    return [];
  }
  const decoded = value.map(base64);
  if (decoded.some((h) => !h || h.length !== 32)) onError();
  return decoded.filter((h): h is Buffer => h !== undefined);
}
