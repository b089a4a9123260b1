import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkConsistency, checkInclusion } from './merkle-proof.verifier';

interface Probe {
  desc: string;
  wantErr: boolean;
  proof: string[] | null;
  [field: string]: unknown;
}

function probes(dir: string): Array<[string, Probe]> {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return probes(path);
    return name.endsWith('.json')
      ? [[path.slice(path.indexOf('rfc6962-vectors')), JSON.parse(readFileSync(path, 'utf8'))]]
      : [];
  }) as Array<[string, Probe]>;
}

const vectors = join(__dirname, 'rfc6962-vectors');
const bytes = (value: unknown) => Buffer.from((value as string | null) ?? '', 'base64');
const proofOf = (probe: Probe) => (probe.proof ?? []).map(bytes);

describe('transparency-dev/merkle inclusion probes', () => {
  const all = probes(join(vectors, 'inclusion'));
  it('has the published probes', () => expect(all.length).toBeGreaterThan(80));
  it.each(all)('%s', (_, probe) => {
    const failure = checkInclusion(
      probe.leafIdx as number,
      probe.treeSize as number,
      bytes(probe.leafHash),
      proofOf(probe),
      bytes(probe.root),
    );
    expect(failure === undefined).toBe(!probe.wantErr);
  });
});

describe('transparency-dev/merkle consistency probes', () => {
  const all = probes(join(vectors, 'consistency'));
  it('has the published probes', () => expect(all.length).toBeGreaterThan(80));
  it.each(all)('%s', (_, probe) => {
    const failure = checkConsistency(
      probe.size1 as number,
      probe.size2 as number,
      bytes(probe.root1),
      bytes(probe.root2),
      proofOf(probe),
    );
    expect(failure === undefined).toBe(!probe.wantErr);
  });
});
