import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BundleVerification,
  LEAF_INDEX_FILE,
  LeafIndex,
  NoteVerifier,
  parseVerifierKey,
  Verification,
  verifyBundle,
  verifyStore,
} from '@gongjian/audit';
import type { EventStore } from '@gongjian/event-store';

export type Out = (line: string) => void;

export interface BundleVerifyFlags {
  key?: string;
  now?: string;
  maxAgeHours?: string;
  json?: boolean;
}

/** A verifier key given inline or as a file holding one. */
export function readVerifierKey(keyOrFile: string): string {
  return existsSync(keyOrFile) ? readFileSync(keyOrFile, 'utf8').trim() : keyOrFile.trim();
}

/** Verifies a bundle file offline; prints one line per check; returns the exit code (0, or 2). */
export function verifyBundleFile(path: string, flags: BundleVerifyFlags, out: Out): number {
  const now = flags.now ? new Date(flags.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`--now is not an instant: ${flags.now}`);
  const maxAgeHours = flags.maxAgeHours === undefined ? undefined : Number(flags.maxAgeHours);
  if (maxAgeHours !== undefined && !(maxAgeHours > 0))
    throw new Error('--max-age-hours must be a positive number');
  const result = verifyBundle(readFileSync(path, 'utf8'), {
    verifierKey: flags.key ? readVerifierKey(flags.key) : undefined,
    now,
    ...(maxAgeHours !== undefined && { maxAgeMs: maxAgeHours * 3_600_000 }),
  });
  if (flags.json) out(JSON.stringify(result));
  else printBundleReport(result, now, out);
  return result.ok ? 0 : 2;
}

function printBundleReport(result: BundleVerification, now: Date, out: Out): void {
  for (const check of result.checks) {
    const outcome = check.ok
      ? 'ok'
      : check.notRun
        ? (check.reason ?? 'not run')
        : `FAILED at line ${check.line}: ${check.reason}`;
    out(`${check.check.padEnd(12)} ${outcome}`);
  }
  out(
    `${result.events} event(s), ${result.checkpoints} checkpoint(s); tree size ${result.treeSize ?? '?'}, signed ${result.signedAt ?? '?'}; checked at ${now.toISOString()}`,
  );
  if (result.keyFromBundle) {
    out(
      `key taken from the bundle itself (${result.verifierKey ?? '?'}): compare it with the county's published key, or pass --key`,
    );
  }
  out(
    result.ok
      ? 'bundle verified'
      : `bundle NOT verified: first failure at line ${result.firstFailure?.line} (${result.firstFailure?.check})`,
  );
}

/** Verifies the configured store against its latest checkpoint (or a newer one the inspector holds). */
export async function verifyStoreNow(
  store: EventStore,
  verifier: NoteVerifier,
  dataDir: string,
  knownCheckpointFile: string | undefined,
  out: Out,
): Promise<number> {
  const indexPath = join(dataDir, LEAF_INDEX_FILE);
  const leaves = existsSync(indexPath) ? new LeafIndex(indexPath) : undefined;
  try {
    const knownCheckpoint = knownCheckpointFile
      ? readFileSync(knownCheckpointFile, 'utf8')
      : undefined;
    const result: Verification = await verifyStore(store, verifier, leaves, { knownCheckpoint });
    out(JSON.stringify(result));
    return result.ok ? 0 : 2;
  } finally {
    leaves?.close();
  }
}

export const verifierFromKey = (keyOrFile: string): NoteVerifier =>
  parseVerifierKey(readVerifierKey(keyOrFile));
