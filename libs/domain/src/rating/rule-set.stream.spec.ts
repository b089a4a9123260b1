import { specFor } from '../shared/decider.spec-helper';
import { PublishRuleSet, RuleSetEvent, ruleSetDecider } from './rule-set.stream';

const given = specFor(ruleSetDecider);
const publish = (version: number, hash: string): PublishRuleSet => ({
  type: 'PublishRuleSet',
  data: { ruleSetId: 'county', version, hash, ruleSet: { version } },
  context: {
    now: '2026-01-01T00:00:00.000Z',
    today: '2026-01-01',
    actor: { id: 'a', role: 'admin' },
  },
});
const published = (version: number, hash: string): RuleSetEvent => ({
  type: 'RuleSetPublished',
  data: publish(version, hash).data,
});

describe('rule set stream', () => {
  it('publishes versions upwards; the same version with the same rules is a no-op', () => {
    given([])
      .when(publish(1, 'a'))
      .then([published(1, 'a')]);
    given([published(1, 'a')])
      .when(publish(1, 'a'))
      .then([]);
    given([published(1, 'a')])
      .when(publish(2, 'b'))
      .then([published(2, 'b')]);
  });

  it('keeps a version immutable and refuses to go back', () => {
    given([published(1, 'a')])
      .when(publish(1, 'b'))
      .thenRefuses('RULE_SET_VERSION_EXISTS');
    given([published(1, 'a'), published(3, 'c')])
      .when(publish(2, 'b'))
      .thenRefuses('RULE_SET_VERSION_NOT_NEWER');
  });
});
