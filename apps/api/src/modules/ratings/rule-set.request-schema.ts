import type { SchemaObject } from '@nestjs/swagger';
import {
  DEDUCTION_KINDS,
  DEFAULT_RULE_SET,
  FIVE_STAR_CONDITION_KINDS,
  INDICATOR_KINDS,
  RULE_SET_ID_PATTERN,
  VETO_KINDS,
  WHOLE_SCORE_PART,
} from '@gongjian/evaluation';

const text: SchemaObject = { type: 'string', minLength: 1, maxLength: 200 };
const key: SchemaObject = { type: 'string', minLength: 1, maxLength: 64 };
const integer = (minimum: number, maximum: number): SchemaObject => ({
  type: 'integer',
  minimum,
  maximum,
});
const object = (properties: Record<string, SchemaObject>, required: string[]): SchemaObject => ({
  type: 'object',
  properties,
  ...(required.length > 0 && { required }),
  additionalProperties: false,
});
const list = (items: SchemaObject, description: string): SchemaObject => ({
  type: 'array',
  maxItems: 100,
  items,
  description,
});

/**
 * The body of `POST /rule-sets`, for the document only: the body is checked by the rule-set
 * validator, after `withRuleSetDefaults` has filled in what was left out.
 */
export const RULE_SET_REQUEST_SCHEMA: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'version', 'indicators', 'thresholds', 'fiveStarCap', 'vetoes'],
  properties: {
    id: { type: 'string', pattern: RULE_SET_ID_PATTERN.source },
    version: integer(1, 1_000_000),
    title: { ...text, description: 'default: the id' },
    appliesTo: {
      ...object({ sectors: { type: 'array', minItems: 1, maxItems: 20, items: key } }, []),
      description: `default: { "sectors": ${JSON.stringify(DEFAULT_RULE_SET.appliesTo.sectors)} }`,
    },
    parts: list(
      object({ key, label: text, weightPercent: integer(1, 100) }, [
        'key',
        'label',
        'weightPercent',
      ]),
      `weights add up to 100; default: one part ${JSON.stringify(WHOLE_SCORE_PART)}`,
    ),
    indicators: list(
      object(
        {
          key,
          label: text,
          part: { ...key, description: 'may be left out when there is a single part' },
          kind: { type: 'string', enum: [...INDICATOR_KINDS] },
          maxPoints: integer(1, 100),
          target: integer(1, Number.MAX_SAFE_INTEGER),
        },
        ['key', 'label', 'kind', 'maxPoints'],
      ),
      'the items of a part add up to 100 points',
    ),
    deductions: list(
      object(
        {
          key,
          label: text,
          part: { ...key, description: 'may be left out when there is a single part' },
          kind: { type: 'string', enum: [...DEDUCTION_KINDS] },
          pointsPerOccurrence: integer(1, 100),
          maxPoints: integer(1, 100),
        },
        ['key', 'label', 'kind', 'pointsPerOccurrence', 'maxPoints'],
      ),
      'default: none',
    ),
    thresholds: list(
      object({ stars: integer(1, 5), minScore: integer(0, 100) }, ['stars', 'minScore']),
      'strictly descending, 2 to 5 stars; when minimumStars is left out, a last entry of 1 star ' +
        'from 0 points may stand for it',
    ),
    minimumStars: {
      ...integer(1, 5),
      description: `below the last threshold, and on a veto; default: ${DEFAULT_RULE_SET.minimumStars}`,
    },
    fiveStarCap: object({ maxSharePercent: integer(0, 100) }, ['maxSharePercent']),
    levelQuotas: list(
      object({ stars: integer(2, 4), maxSharePercent: integer(0, 100) }, [
        'stars',
        'maxSharePercent',
      ]),
      'default: none',
    ),
    vetoes: list(
      object(
        {
          key,
          label: text,
          kind: { type: 'string', enum: [...VETO_KINDS] },
          years: integer(1, 20),
        },
        ['key', 'label', 'kind'],
      ),
      'an empty list for none',
    ),
    categoryCaps: list(
      object({ category: key, maxStars: integer(1, 5) }, ['category', 'maxStars']),
      'default: none',
    ),
    fiveStarConditions: list(
      object({ key, label: text, kind: { type: 'string', enum: [...FIVE_STAR_CONDITION_KINDS] } }, [
        'key',
        'label',
        'kind',
      ]),
      'default: none',
    ),
  },
};
