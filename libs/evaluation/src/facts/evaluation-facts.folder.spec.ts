import { CountyLog } from '../testing/county-log.spec-helper';
import { foldEvaluationFacts } from './evaluation-facts.folder';

const ACTIVISTS_ONLY = { fundsFen: 0, projects: 0, activists: 2 };

function branchOf(log: CountyLog, id: string, period = '2025', cutoff = log.head) {
  const branch = foldEvaluationFacts(period, cutoff, log.events).branches.get(id);
  if (!branch) throw new Error(`no facts for ${id}`);
  return branch;
}

const pairingOf = (log: CountyLog, id: string, pairingId: string, period?: string) =>
  branchOf(log, id, period).pairings.get(pairingId);

describe('facts: activists delivered under a pairing', () => {
  it('counts the activists the village designated during the term, with their designations as evidence', () => {
    const log = new CountyLog();
    log.village('v1');
    const paired = log.pair('p1', 'v1', '2025-12-01', '2027-11-30', ACTIVISTS_ONLY);
    const first = log.activist('m1', 'v1', '2025-12-05');
    const second = log.activist('m2', 'v1', '2025-12-05');

    expect(pairingOf(log, 'v1', 'p1')).toMatchObject({
      commitments: ACTIVISTS_ONLY,
      delivered: { fundsFen: 0, projects: 0, activists: 2 },
      evidence: [paired, first, second],
    });
  });

  it('counts an activist who named a pairing for that pairing only, one who named none for every pairing covering the date', () => {
    const log = new CountyLog();
    log.village('v1');
    log.pair('p1', 'v1', '2025-01-01', '2026-12-31', ACTIVISTS_ONLY);
    log.pair('p2', 'v1', '2025-06-01', '2027-05-31', ACTIVISTS_ONLY);
    const named = log.activist('m1', 'v1', '2025-03-01', 'p2');
    const unnamed = log.activist('m2', 'v1', '2025-07-01');
    // Before p2's term: p1 only.
    const early = log.activist('m3', 'v1', '2025-02-01');

    expect(pairingOf(log, 'v1', 'p1')?.delivered.activists).toBe(2);
    expect(pairingOf(log, 'v1', 'p1')?.evidence.slice(1)).toEqual([unnamed, early]);
    expect(pairingOf(log, 'v1', 'p2')?.delivered.activists).toBe(2);
    expect(pairingOf(log, 'v1', 'p2')?.evidence.slice(1)).toEqual([named, unnamed]);
  });

  it('adds the designations to the deliveries recorded against the commitment', () => {
    const log = new CountyLog();
    log.village('v1');
    log.pair('p1', 'v1', '2025-01-01', '2026-12-31', { fundsFen: 0, projects: 0, activists: 3 });
    log.delivered('p1', 'v1', '2025-02-01', { kind: 'activists', count: 1 });
    log.activist('m1', 'v1', '2025-04-01');

    expect(pairingOf(log, 'v1', 'p1')?.delivered.activists).toBe(2);
  });

  it('counts by the terms at the cut-off, whatever the log order: a pairing recorded later, renewed or dissolved', () => {
    const log = new CountyLog();
    log.village('v1');
    log.pair('p1', 'v1', '2024-01-01', '2025-03-31', ACTIVISTS_ONLY);
    log.pair('p2', 'v1', '2025-01-01', '2027-12-31', ACTIVISTS_ONLY);
    log.activist('m1', 'v1', '2025-05-10');
    log.activist('m2', 'v1', '2025-08-10');
    // p1 renewed after the designations: both now fall in its term.
    log.renew('p1', 'v1', '2025-03-31', '2026-03-31');
    // p2 dissolved before the second designation.
    log.dissolve('p2', 'v1', '2025-06-30');
    // A pairing entered after the designations, its term covering them.
    log.pair('p3', 'v1', '2025-05-01', '2027-04-30', ACTIVISTS_ONLY);

    expect(pairingOf(log, 'v1', 'p1')?.delivered.activists).toBe(2);
    expect(pairingOf(log, 'v1', 'p2')?.delivered.activists).toBe(1);
    expect(pairingOf(log, 'v1', 'p3')?.delivered.activists).toBe(2);
  });

  it('counts only what was designated by the period’s end and recorded by the cut-off, each member once', () => {
    const log = new CountyLog();
    log.village('v1');
    log.pair('p1', 'v1', '2025-12-01', '2027-11-30', ACTIVISTS_ONLY);
    log.activist('m1', 'v1', '2025-12-05');
    log.activist('m1', 'v1', '2025-12-06');
    log.activist('m2', 'v1', '2026-01-05');
    const cutoff = log.head;
    log.activist('m3', 'v1', '2025-12-20');

    const at = (period: string, position: string) =>
      branchOf(log, 'v1', period, position).pairings.get('p1')?.delivered.activists;
    expect(at('2025', cutoff)).toBe(1);
    expect(at('2025', log.head)).toBe(2);
    expect(at('2026', cutoff)).toBe(2);
  });

  it('counts nothing for another village’s activists or a designation outside every term', () => {
    const log = new CountyLog();
    log.village('v1');
    log.village('v2');
    log.pair('p1', 'v1', '2025-06-01', '2027-05-31', ACTIVISTS_ONLY);
    log.activist('m1', 'v2', '2025-07-01');
    log.activist('m2', 'v1', '2025-05-31');

    expect(pairingOf(log, 'v1', 'p1')?.delivered.activists).toBe(0);
  });
});

describe('facts: village categories as they stood at the period’s end', () => {
  it('ignores categories that take effect after the period', () => {
    const log = new CountyLog();
    log.village('v1');
    log.categories('v1', ['weak_lax'], '2026-12-03');

    expect(branchOf(log, 'v1', '2025')).toMatchObject({ categories: [], categoriesEvidence: [] });
    expect(branchOf(log, 'v1', '2026').categories).toEqual(['weak_lax']);
  });

  it('keeps the set in force at the end of the year when it is changed the next year', () => {
    const log = new CountyLog();
    log.village('v1');
    const set = log.categories('v1', ['poor', 'weak_lax'], '2025-03-01');
    log.categories('v1', [], '2026-01-10');

    expect(branchOf(log, 'v1', '2025')).toMatchObject({
      categories: ['poor', 'weak_lax'],
      categoriesEvidence: [set],
    });
    expect(branchOf(log, 'v1', '2026').categories).toEqual([]);
  });

  it('takes the latest set by business date: an earlier-dated entry recorded later does not override it', () => {
    const log = new CountyLog();
    log.village('v1');
    const later = log.categories('v1', ['poor'], '2025-09-01');
    log.categories('v1', ['weak_lax'], '2025-04-01');
    // Two on one day: the later in the log.
    log.categories('v1', ['disorderly'], '2024-06-01');
    const sameDay = log.categories('v1', ['industry_demo'], '2024-06-01');

    expect(branchOf(log, 'v1', '2025')).toMatchObject({
      categories: ['poor'],
      categoriesEvidence: [later],
    });
    expect(branchOf(log, 'v1', '2024')).toMatchObject({
      categories: ['industry_demo'],
      categoriesEvidence: [sameDay],
    });
  });

  it('dates a set by its business date in Beijing time', () => {
    const at = (occurredAt: string) => {
      const log = new CountyLog();
      log.village('v1');
      log.categories('v1', ['weak_lax']);
      log.events[log.events.length - 1].metadata.occurredAt = occurredAt;
      return branchOf(log, 'v1', '2025').categories;
    };
    // 23:59 on 31 December in Beijing counts for the year; 00:00 on 1 January does not.
    expect(at('2025-12-31T15:59:00.000Z')).toEqual(['weak_lax']);
    expect(at('2025-12-31T16:00:00.000Z')).toEqual([]);
  });
});

describe('facts: funds delivered under a pairing', () => {
  const FUNDS_ONLY = { fundsFen: 1_000_000, projects: 0, activists: 0 };

  it('counts what was allocated under the pairing by the period’s end, after reductions and cancellations', () => {
    const log = new CountyLog();
    log.village('v1');
    const paired = log.pair('p1', 'v1', '2024-01-01', '2026-12-31', FUNDS_ONLY);
    const earlier = log.pairingAllocation('a1', 'v1', 'p1', 400_000, '2024-05-01');
    const reduced = log.pairingAllocation('a2', 'v1', 'p1', 500_000, '2025-03-01');
    const reduction = log.reduced('a2', 'v1', 2025, 'project', 300_000);
    const cancelled = log.pairingAllocation('a3', 'v1', 'p1', 900_000, '2025-04-01');
    const cancellation = log.cancelled('a3', 'v1', 2025, 'project');
    // Decided after the period: not delivered in it.
    log.pairingAllocation('a4', 'v1', 'p1', 700_000, '2026-02-01');

    expect(pairingOf(log, 'v1', 'p1')).toMatchObject({
      delivered: { fundsFen: 700_000, projects: 0, activists: 0 },
      evidence: [paired, earlier, reduced, reduction, cancelled, cancellation],
    });
  });

  it('counts an allocation under another pairing for that one only', () => {
    const log = new CountyLog();
    log.village('v1');
    log.pair('p1', 'v1', '2024-01-01', '2026-12-31', FUNDS_ONLY);
    log.pair('p2', 'v1', '2024-01-01', '2026-12-31', FUNDS_ONLY);
    log.pairingAllocation('a1', 'v1', 'p2', 400_000, '2025-05-01');

    expect(pairingOf(log, 'v1', 'p1')?.delivered.fundsFen).toBe(0);
    expect(pairingOf(log, 'v1', 'p2')?.delivered.fundsFen).toBe(400_000);
  });
});
