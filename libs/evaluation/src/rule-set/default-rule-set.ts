import { DEFAULT_HOLLOW_ECONOMY_THRESHOLD_FEN } from '@gongjian/domain';
import type { RuleSet } from './rule-set.types';

/**
 * The published county schemes (DESIGN.md "Star ratings"): (basic items − deductions) × 70% +
 * democratic appraisal × 30%; ≥ 90/80/70/60 → 5/4/3/2 stars, below → 1; at most 30% five-star
 * branches; a recorded disciplinary veto or three years without a new member gives one star;
 * a 软弱涣散 branch gets at most 2 stars; five stars need a completed pairing project.
 */
export const DEFAULT_RULE_SET: RuleSet = {
  id: 'county-default',
  version: 1,
  title: '村党组织星级评定（县级通用方案）',
  appliesTo: { sectors: ['village'] },
  parts: [
    { key: 'basic', label: '基本项目', weightPercent: 70 },
    { key: 'appraisal', label: '民主评议', weightPercent: 30 },
  ],
  indicators: [
    {
      key: 'collective_activity_days',
      label: '集体活动日（每月3次）',
      part: 'basic',
      kind: 'collective_activity_days',
      maxPoints: 15,
    },
    {
      key: 'guidance_days',
      label: '党建指导日（每周1次）',
      part: 'basic',
      kind: 'guidance_days',
      maxPoints: 15,
    },
    {
      key: 'activist_reserve',
      label: '入党积极分子储备',
      part: 'basic',
      kind: 'activist_reserve',
      maxPoints: 10,
      target: 2,
    },
    {
      key: 'new_members',
      label: '年度发展党员',
      part: 'basic',
      kind: 'new_members',
      maxPoints: 10,
      target: 1,
    },
    {
      key: 'funding_standards_met',
      label: '经费保障达标',
      part: 'basic',
      kind: 'funding_standards_met',
      maxPoints: 10,
    },
    {
      key: 'funds_spent_as_allocated',
      label: '经费按用途使用',
      part: 'basic',
      kind: 'funds_spent_as_allocated',
      maxPoints: 10,
    },
    {
      key: 'collective_income',
      label: '村集体经济收入（消除空壳村）',
      part: 'basic',
      kind: 'collective_income',
      maxPoints: 15,
      target: DEFAULT_HOLLOW_ECONOMY_THRESHOLD_FEN,
    },
    {
      key: 'commitments_delivered',
      label: '共建承诺兑现',
      part: 'basic',
      kind: 'commitments_delivered',
      maxPoints: 10,
    },
    {
      key: 'completed_projects',
      label: '共建项目完成',
      part: 'basic',
      kind: 'completed_projects',
      maxPoints: 5,
      target: 1,
    },
    {
      key: 'appraisal_score',
      label: '民主评议得分',
      part: 'appraisal',
      kind: 'appraisal_score',
      maxPoints: 100,
    },
  ],
  deductions: [
    {
      key: 'overdue_development_steps',
      label: '发展党员程序超期',
      part: 'basic',
      kind: 'overdue_development_steps',
      pointsPerOccurrence: 2,
      maxPoints: 10,
    },
    {
      key: 'funds_undisbursed',
      label: '经费滞留未拨付',
      part: 'basic',
      kind: 'funds_undisbursed',
      pointsPerOccurrence: 5,
      maxPoints: 10,
    },
  ],
  thresholds: [
    { stars: 5, minScore: 90 },
    { stars: 4, minScore: 80 },
    { stars: 3, minScore: 70 },
    { stars: 2, minScore: 60 },
  ],
  minimumStars: 1,
  fiveStarCap: { maxSharePercent: 30 },
  levelQuotas: [],
  vetoes: [
    { key: 'disciplinary_veto', label: '违纪违规一票否决', kind: 'recorded_veto' },
    { key: 'no_new_member', label: '连续三年未发展党员', kind: 'no_new_member', years: 3 },
  ],
  categoryCaps: [{ category: 'weak_lax', maxStars: 2 }],
  fiveStarConditions: [
    { key: 'completed_project', label: '完成共建项目（创新项目）', kind: 'completed_project' },
  ],
};
