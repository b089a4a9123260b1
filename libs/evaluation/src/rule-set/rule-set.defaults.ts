import { DEFAULT_RULE_SET } from './default-rule-set';
import type { ScorePart } from './rule-set.types';

/** The part of a rule set that names none: the whole score, so its items add up to 100. */
export const WHOLE_SCORE_PART: ScorePart = { key: 'total', label: '总分', weightPercent: 100 };

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * API.md names six fields of a rule set (id, version, indicators, thresholds, fiveStarCap,
 * vetoes); the others may be left out and are filled in here, before validation and hashing, so
 * that the stored rule set states every rule. A body that gives every field comes out unchanged.
 */
export function withRuleSetDefaults(input: unknown): unknown {
  if (!isObject(input)) return input;
  const filled: Obj = { ...input };
  if (filled.title === undefined && typeof filled.id === 'string') filled.title = filled.id;
  filled.appliesTo = withDefaultSectors(filled.appliesTo);
  if (filled.minimumStars === undefined) moveFloorToMinimumStars(filled);
  filled.parts ??= [{ ...WHOLE_SCORE_PART }];
  filled.indicators = inTheOnlyPart(filled.indicators, filled.parts);
  filled.deductions = inTheOnlyPart(filled.deductions ?? [], filled.parts);
  filled.levelQuotas ??= [];
  filled.categoryCaps ??= [];
  filled.fiveStarConditions ??= [];
  return filled;
}

function withDefaultSectors(appliesTo: unknown): unknown {
  const sectors = [...DEFAULT_RULE_SET.appliesTo.sectors];
  if (appliesTo === undefined) return { sectors };
  return isObject(appliesTo) && appliesTo.sectors === undefined
    ? { ...appliesTo, sectors }
    : appliesTo;
}

/**
 * A last threshold of 1 star from 0 points says what `minimumStars` says (scores never go below
 * 0), but thresholds start at 2 stars: the floor moves to `minimumStars`, which vetoes also give.
 */
function moveFloorToMinimumStars(filled: Obj): void {
  const { thresholds } = filled;
  const last: unknown = Array.isArray(thresholds) ? thresholds[thresholds.length - 1] : undefined;
  if (Array.isArray(thresholds) && isObject(last) && last.stars === 1 && last.minScore === 0) {
    filled.thresholds = thresholds.slice(0, -1);
    filled.minimumStars = 1;
    return;
  }
  filled.minimumStars = DEFAULT_RULE_SET.minimumStars;
}

/** With a single part, an item that names no part belongs to it. */
function inTheOnlyPart(items: unknown, parts: unknown): unknown {
  if (!Array.isArray(items) || !Array.isArray(parts) || parts.length !== 1) return items;
  const [only] = parts as unknown[];
  if (!isObject(only) || typeof only.key !== 'string') return items;
  return items.map((item: unknown) =>
    isObject(item) && item.part === undefined ? { ...item, part: only.key } : item,
  );
}
