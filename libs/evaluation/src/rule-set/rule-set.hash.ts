import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { RuleSet } from './rule-set.types';

/**
 * SHA-256 (hex) of the rule set's canonical JSON (RFC 8785): the same rules hash the same
 * whatever the key order they were submitted in.
 */
export function ruleSetHash(ruleSet: RuleSet): string {
  const json = canonicalize(ruleSet);
  if (json === undefined) throw new Error('a rule set always has a canonical form');
  return createHash('sha256').update(json, 'utf8').digest('hex');
}
