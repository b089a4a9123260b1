import {
  DEDUCTION_KINDS,
  FIVE_STAR_CONDITION_KINDS,
  INDICATOR_KINDS,
  IndicatorKind,
  RuleSet,
  VETO_KINDS,
} from './rule-set.types';

export interface RuleSetIssue {
  field: string;
  message: string;
}

/**
 * `shape`: a field is missing or of the wrong type (HTTP 400). `rules`: the fields are well
 * formed but the rule set does not hold together, e.g. points that do not add up (HTTP 422).
 */
export type RuleSetValidation =
  { ok: true; ruleSet: RuleSet } | { ok: false; shape: RuleSetIssue[]; rules: RuleSetIssue[] };

export const RULE_SET_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Kinds whose target comes from the rule set rather than from the facts. */
const KINDS_WITH_TARGET: ReadonlySet<IndicatorKind> = new Set([
  'activist_reserve',
  'new_members',
  'completed_projects',
  'collective_income',
]);

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isText = (v: unknown, max = 200): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= max;

class Issues {
  readonly shape: RuleSetIssue[] = [];
  readonly rules: RuleSetIssue[] = [];
  bad(field: string, message: string) {
    this.shape.push({ field, message });
  }
  refuse(field: string, message: string) {
    this.rules.push({ field, message });
  }
}

/** Checks a submitted rule set completely: every issue is listed, not just the first. */
export function validateRuleSet(input: unknown): RuleSetValidation {
  const issues = new Issues();
  if (!isObject(input)) {
    issues.bad('', 'a rule set is a JSON object');
    return { ok: false, shape: issues.shape, rules: issues.rules };
  }
  checkShape(input, issues);
  if (issues.shape.length === 0) checkRules(input as unknown as RuleSet, issues);
  return issues.shape.length === 0 && issues.rules.length === 0
    ? { ok: true, ruleSet: input as unknown as RuleSet }
    : { ok: false, shape: issues.shape, rules: issues.rules };
}

/** Every field a rule set may have: anything else would be hashed without meaning anything. */
const RULE_SET_KEYS: ReadonlySet<string> = new Set<keyof RuleSet>([
  'id',
  'version',
  'title',
  'appliesTo',
  'parts',
  'indicators',
  'deductions',
  'thresholds',
  'minimumStars',
  'fiveStarCap',
  'levelQuotas',
  'vetoes',
  'categoryCaps',
  'fiveStarConditions',
]);

function checkShape(input: Obj, issues: Issues): void {
  for (const key of Object.keys(input))
    if (!RULE_SET_KEYS.has(key)) issues.bad(key, 'not a field of a rule set');
  if (typeof input.id !== 'string' || !RULE_SET_ID_PATTERN.test(input.id))
    issues.bad('id', 'lowercase letters, digits and hyphens, at most 63 characters');
  if (!isInt(input.version, 1, 1_000_000)) issues.bad('version', 'an integer from 1');
  if (!isText(input.title)) issues.bad('title', 'a non-empty text of at most 200 characters');
  if (!isObject(input.appliesTo) || !stringArray(input.appliesTo.sectors, 1))
    issues.bad('appliesTo.sectors', 'a non-empty list of sector code names');
  if (!isInt(input.minimumStars, 1, 5)) issues.bad('minimumStars', 'an integer from 1 to 5');
  if (!isObject(input.fiveStarCap) || !isInt(input.fiveStarCap.maxSharePercent, 0, 100))
    issues.bad('fiveStarCap.maxSharePercent', 'an integer percentage from 0 to 100');
  eachOf(input, 'parts', issues, (part, at) => {
    if (!isText(part.key, 64)) issues.bad(`${at}.key`, 'a non-empty key');
    if (!isText(part.label)) issues.bad(`${at}.label`, 'a non-empty label');
    if (!isInt(part.weightPercent, 1, 100))
      issues.bad(`${at}.weightPercent`, 'an integer percentage from 1 to 100');
  });
  eachOf(input, 'indicators', issues, (rule, at) => {
    itemShape(rule, at, issues);
    if (!(INDICATOR_KINDS as readonly unknown[]).includes(rule.kind))
      issues.bad(`${at}.kind`, `one of ${INDICATOR_KINDS.join(', ')}`);
    if (!isInt(rule.maxPoints, 1, 100)) issues.bad(`${at}.maxPoints`, 'an integer from 1 to 100');
    if (rule.target !== undefined && !isInt(rule.target, 1, Number.MAX_SAFE_INTEGER))
      issues.bad(`${at}.target`, 'a positive integer');
  });
  eachOf(input, 'deductions', issues, (rule, at) => {
    itemShape(rule, at, issues);
    if (!(DEDUCTION_KINDS as readonly unknown[]).includes(rule.kind))
      issues.bad(`${at}.kind`, `one of ${DEDUCTION_KINDS.join(', ')}`);
    if (!isInt(rule.pointsPerOccurrence, 1, 100))
      issues.bad(`${at}.pointsPerOccurrence`, 'an integer from 1 to 100');
    if (!isInt(rule.maxPoints, 1, 100)) issues.bad(`${at}.maxPoints`, 'an integer from 1 to 100');
  });
  eachOf(input, 'thresholds', issues, (threshold, at) => {
    if (!isInt(threshold.stars, 2, 5)) issues.bad(`${at}.stars`, 'an integer from 2 to 5');
    if (!isInt(threshold.minScore, 0, 100))
      issues.bad(`${at}.minScore`, 'an integer from 0 to 100');
  });
  eachOf(input, 'levelQuotas', issues, (quota, at) => {
    if (!isInt(quota.stars, 2, 5)) issues.bad(`${at}.stars`, 'an integer from 2 to 5');
    if (!isInt(quota.maxSharePercent, 0, 100))
      issues.bad(`${at}.maxSharePercent`, 'an integer percentage from 0 to 100');
  });
  eachOf(input, 'vetoes', issues, (veto, at) => {
    if (!isText(veto.key, 64)) issues.bad(`${at}.key`, 'a non-empty key');
    if (!isText(veto.label)) issues.bad(`${at}.label`, 'a non-empty label');
    if (!(VETO_KINDS as readonly unknown[]).includes(veto.kind))
      issues.bad(`${at}.kind`, `one of ${VETO_KINDS.join(', ')}`);
    if (veto.years !== undefined && !isInt(veto.years, 1, 20))
      issues.bad(`${at}.years`, 'an integer from 1 to 20');
  });
  eachOf(input, 'categoryCaps', issues, (cap, at) => {
    if (!isText(cap.category, 64)) issues.bad(`${at}.category`, 'a village category code name');
    if (!isInt(cap.maxStars, 1, 5)) issues.bad(`${at}.maxStars`, 'an integer from 1 to 5');
  });
  eachOf(input, 'fiveStarConditions', issues, (condition, at) => {
    if (!isText(condition.key, 64)) issues.bad(`${at}.key`, 'a non-empty key');
    if (!isText(condition.label)) issues.bad(`${at}.label`, 'a non-empty label');
    if (!(FIVE_STAR_CONDITION_KINDS as readonly unknown[]).includes(condition.kind))
      issues.bad(`${at}.kind`, `one of ${FIVE_STAR_CONDITION_KINDS.join(', ')}`);
  });
}

function checkRules(ruleSet: RuleSet, issues: Issues): void {
  const partKeys = ruleSet.parts.map((p) => p.key);
  duplicates(partKeys).forEach((key) => issues.refuse('parts', `part ${key} appears twice`));
  const weights = ruleSet.parts.reduce((sum, p) => sum + p.weightPercent, 0);
  if (weights !== 100) issues.refuse('parts', `the parts' weights add up to ${weights}, not 100`);

  const itemKeys = [...ruleSet.indicators, ...ruleSet.deductions].map((i) => i.key);
  duplicates(itemKeys).forEach((key) =>
    issues.refuse('indicators', `item key ${key} appears twice`),
  );
  [...ruleSet.indicators, ...ruleSet.deductions].forEach((item) => {
    if (!partKeys.includes(item.part))
      issues.refuse('indicators', `${item.key} names part ${item.part}, which does not exist`);
  });
  for (const part of ruleSet.parts) {
    const points = ruleSet.indicators
      .filter((i) => i.part === part.key)
      .reduce((sum, i) => sum + i.maxPoints, 0);
    if (points !== 100)
      issues.refuse('indicators', `the items of part ${part.key} add up to ${points}, not 100`);
  }
  ruleSet.indicators.forEach((rule) => {
    if (KINDS_WITH_TARGET.has(rule.kind) && rule.target === undefined)
      issues.refuse('indicators', `${rule.key} (${rule.kind}) needs a target`);
  });
  if (ruleSet.indicators.filter((i) => i.kind === 'appraisal_score').length > 1)
    issues.refuse('indicators', 'the appraisal score can be scored once only');
  ruleSet.deductions.forEach((rule) => {
    if (rule.pointsPerOccurrence > rule.maxPoints)
      issues.refuse('deductions', `${rule.key} takes more per occurrence than its maximum`);
  });

  const { thresholds } = ruleSet;
  if (thresholds.length === 0) issues.refuse('thresholds', 'at least one threshold');
  for (let i = 1; i < thresholds.length; i++) {
    if (
      thresholds[i].stars >= thresholds[i - 1].stars ||
      thresholds[i].minScore >= thresholds[i - 1].minScore
    )
      issues.refuse('thresholds', 'stars and scores must be strictly descending');
  }
  const lowest = thresholds[thresholds.length - 1];
  if (lowest !== undefined && ruleSet.minimumStars >= lowest.stars)
    issues.refuse('minimumStars', 'must be below the stars of the lowest threshold');
  duplicates(ruleSet.levelQuotas.map((q) => String(q.stars))).forEach((stars) =>
    issues.refuse('levelQuotas', `two quotas for ${stars} stars`),
  );
  if (ruleSet.levelQuotas.some((q) => q.stars === 5))
    issues.refuse('levelQuotas', 'the five-star share is fiveStarCap');
  duplicates(ruleSet.vetoes.map((v) => v.key)).forEach((key) =>
    issues.refuse('vetoes', `veto ${key} appears twice`),
  );
  ruleSet.vetoes.forEach((veto) => {
    if (veto.kind === 'no_new_member' && veto.years === undefined)
      issues.refuse('vetoes', `${veto.key} (no_new_member) needs years`);
  });
  duplicates(ruleSet.categoryCaps.map((c) => c.category)).forEach((category) =>
    issues.refuse('categoryCaps', `two caps for ${category}`),
  );
}

function itemShape(rule: Obj, at: string, issues: Issues): void {
  if (!isText(rule.key, 64)) issues.bad(`${at}.key`, 'a non-empty key');
  if (!isText(rule.label)) issues.bad(`${at}.label`, 'a non-empty label');
  if (!isText(rule.part, 64)) issues.bad(`${at}.part`, 'the key of one of the parts');
}

function eachOf(
  input: Obj,
  field: string,
  issues: Issues,
  check: (item: Obj, at: string) => void,
): void {
  const list = input[field];
  if (!Array.isArray(list) || list.length > 100) {
    issues.bad(field, 'a list of at most 100 entries');
    return;
  }
  list.forEach((item: unknown, i) => {
    if (isObject(item)) check(item, `${field}[${i}]`);
    else issues.bad(`${field}[${i}]`, 'an object');
  });
}

function stringArray(value: unknown, min: number): boolean {
  return (
    Array.isArray(value) &&
    value.length >= min &&
    value.length <= 20 &&
    value.every((v) => isText(v, 64))
  );
}

function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const key of keys) (seen.has(key) ? twice : seen).add(key);
  return [...twice];
}
