import { CountyLog, measureInputFor } from '../testing/county-log.spec-helper';
import { appraisalScore } from './appraisal.indicator';
import { collectiveIncome } from './collective-income.indicator';
import { commitmentsDelivered } from './commitments-delivered.indicator';
import { completedProjects } from './completed-projects.indicator';

const rule = (kind: 'collective_income' | 'completed_projects', target: number) => ({
  key: kind,
  label: kind,
  part: 'basic',
  kind,
  maxPoints: 10,
  target,
});

describe('collective income', () => {
  it('takes the latest figure recorded for the period’s year', () => {
    const log = new CountyLog();
    log.village('v1');
    log.income('v1', 2025, 3_000_000);
    const corrected = log.income('v1', 2025, 4_000_000);
    log.income('v1', 2024, 9_000_000);
    expect(
      collectiveIncome(measureInputFor(log, 'v1'), rule('collective_income', 5_000_000)),
    ).toEqual({ value: 4_000_000, target: 5_000_000, evidence: [corrected] });
  });

  it('is missing, not zero, when no income was recorded for the year', () => {
    const log = new CountyLog();
    log.village('v1');
    log.income('v1', 2024, 9_000_000);
    expect(
      collectiveIncome(measureInputFor(log, 'v1'), rule('collective_income', 5_000_000)),
    ).toMatchObject({ missing: true, evidence: [] });
  });
});

describe('commitments delivered', () => {
  it('averages the share delivered of each committed kind, up to the period end', () => {
    const log = new CountyLog();
    log.village('v1');
    log.pair('p1', 'v1', '2025-01-01', '2026-12-31', {
      fundsFen: 1_000_000,
      projects: 2,
      activists: 0,
    });
    log.delivered('p1', 'v1', '2025-05-01', { kind: 'funds', amountFen: 500_000 });
    log.delivered('p1', 'v1', '2025-06-01', { kind: 'projects', count: 2 });
    log.delivered('p1', 'v1', '2026-02-01', { kind: 'funds', amountFen: 500_000 });
    // funds 50%, projects 100%: 75%.
    expect(commitmentsDelivered(measureInputFor(log, 'v1'))).toMatchObject({
      value: 75,
      target: 100,
    });
  });

  it('notes a branch whose pairings committed nothing', () => {
    const log = new CountyLog();
    log.village('v1');
    log.pair('p1', 'v1', '2025-01-01', '2026-12-31');
    expect(commitmentsDelivered(measureInputFor(log, 'v1'))).toMatchObject({
      value: 0,
      note: 'no_commitments',
    });
  });
});

describe('completed projects', () => {
  it('counts the projects of the branch completed in the period', () => {
    const log = new CountyLog();
    log.village('v1');
    const done = log.projectCompleted('j1', 'v1', '2025-09-01');
    log.projectCompleted('j2', 'v1', '2024-09-01');
    log.projectCompleted('j3', 'v2', '2025-09-01');
    expect(completedProjects(measureInputFor(log, 'v1'), rule('completed_projects', 1))).toEqual({
      value: 1,
      target: 1,
      evidence: [done],
    });
  });
});

describe('appraisal score', () => {
  it('takes the score recorded for the period', () => {
    const log = new CountyLog();
    log.village('v1');
    log.appraisal('v1', '2024', 60);
    const recorded = log.appraisal('v1', '2025', 88);
    expect(appraisalScore(measureInputFor(log, 'v1'))).toEqual({
      value: 88,
      target: 100,
      evidence: [recorded],
    });
  });

  it('is missing when none was recorded for the period', () => {
    const log = new CountyLog();
    log.village('v1');
    log.appraisal('v1', '2024', 60);
    expect(appraisalScore(measureInputFor(log, 'v1'))).toMatchObject({ missing: true, value: 0 });
  });
});
