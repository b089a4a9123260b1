import { Command, Decider, DomainEvent } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { RatingErrorCode } from './rating.errors';

/**
 * Stream `ruleset-<id>`: the versions of one rule set. The rule set itself is data checked and
 * hashed by the evaluation library before it gets here; the stream keeps versions immutable.
 */
export type RuleSetPublishedData = {
  ruleSetId: string;
  version: number;
  /** SHA-256 of the rule set's canonical JSON. */
  hash: string;
  ruleSet: Record<string, unknown>;
};
export type RuleSetPublished = DomainEvent<'RuleSetPublished', RuleSetPublishedData>;
export type RuleSetEvent = RuleSetPublished;
export const RULE_SET_EVENT_TYPES = ['RuleSetPublished'] as const;

export type PublishRuleSet = Command<'PublishRuleSet', RuleSetPublishedData>;

export interface RuleSetState {
  versions: Record<number, string>;
  latest: number;
}

export const ruleSetStreamId = (ruleSetId: string) => `ruleset-${ruleSetId}`;

export const ruleSetDecider: Decider<PublishRuleSet, RuleSetState, RuleSetEvent> = {
  initialState: () => ({ versions: {}, latest: 0 }),
  decide(command, state) {
    const { ruleSetId, version, hash } = command.data;
    const existing = state.versions[version];
    if (existing === hash) return [];
    if (existing !== undefined)
      throw new DomainError(
        RatingErrorCode.RULE_SET_VERSION_EXISTS,
        `rule set ${ruleSetId} version ${version} exists with other rules: publish a new version`,
        { ruleSetId, version },
      );
    if (version <= state.latest)
      throw new DomainError(
        RatingErrorCode.RULE_SET_VERSION_NOT_NEWER,
        `rule set ${ruleSetId} is at version ${state.latest}: a new version must be higher`,
        { ruleSetId, version, latest: state.latest },
      );
    return [{ type: 'RuleSetPublished', data: { ...command.data } }];
  },
  evolve: (state, event) => ({
    versions: { ...state.versions, [event.data.version]: event.data.hash },
    latest: Math.max(state.latest, event.data.version),
  }),
};
