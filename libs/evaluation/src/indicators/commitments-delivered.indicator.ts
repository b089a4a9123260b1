import type { PairingFacts } from '../facts/branch-facts';
import type { Measure, MeasureInput } from './measure';

const KINDS = ['fundsFen', 'projects', 'activists'] as const;

/**
 * 承诺兑现: of the pairings whose term overlaps the period, the share (percent, rounded down)
 * of each committed kind delivered by the period's end, averaged over the kinds committed.
 */
export function commitmentsDelivered({ branch, range }: MeasureInput): Measure {
  const pairings = [...branch.pairings.values()].filter(
    (p) => p.startsOn <= range.endsOn && p.endsOn >= range.startsOn,
  );
  const committed = { fundsFen: 0, projects: 0, activists: 0 };
  const delivered = { fundsFen: 0, projects: 0, activists: 0 };
  for (const p of pairings) {
    for (const kind of KINDS) {
      committed[kind] += p.commitments[kind];
      delivered[kind] += p.delivered[kind];
    }
  }
  const kinds = KINDS.filter((kind) => committed[kind] > 0);
  const evidence = pairings.flatMap((p: PairingFacts) => p.evidence);
  if (kinds.length === 0) return { value: 0, target: 100, evidence, note: 'no_commitments' };
  // Per ten-thousand first, so the average is rounded down once.
  const sum = kinds.reduce(
    (total, kind) =>
      total + Math.floor((Math.min(delivered[kind], committed[kind]) * 10_000) / committed[kind]),
    0,
  );
  return { value: Math.floor(sum / kinds.length / 100), target: 100, evidence };
}
