import { randomUUID } from 'node:crypto';
import {
  DomainError,
  NotFoundError,
  PublishRuleSet,
  ruleSetDecider,
  RuleSetPublishedData,
  ruleSetStreamId,
} from '@gongjian/domain';
import type { EventStore } from '@gongjian/event-store';
import { DEFAULT_RULE_SET, RuleSet, ruleSetHash } from '@gongjian/evaluation';
import { CommandMetadata, DecisionRunner, domainCommand } from '@gongjian/write-side';

export interface PublishedRuleSet {
  ruleSet: RuleSet;
  hash: string;
}

/** Rule sets as their streams record them; the built-in default is published on first use. */
export class RuleSetSource {
  constructor(
    private readonly store: EventStore,
    private readonly runner: DecisionRunner,
  ) {}

  async versions(ruleSetId: string): Promise<RuleSetPublishedData[]> {
    const events = await this.store.readStream(ruleSetStreamId(ruleSetId));
    return events
      .filter((e) => e.type === 'RuleSetPublished')
      .map((e) => e.data as unknown as RuleSetPublishedData);
  }

  /** The latest published version of a rule set, if any; publishes nothing. */
  async findLatest(ruleSetId: string): Promise<PublishedRuleSet | undefined> {
    const latest = (await this.versions(ruleSetId)).reduce<RuleSetPublishedData | undefined>(
      (best, v) => (best === undefined || v.version > best.version ? v : best),
      undefined,
    );
    return latest && { ruleSet: latest.ruleSet as unknown as RuleSet, hash: latest.hash };
  }

  /**
   * Publishes the built-in default rule set, asked for before any version of it was published;
   * any other rule set without a version is unknown (404).
   */
  async publishDefault(ruleSetId: string, metadata: CommandMetadata): Promise<PublishedRuleSet> {
    if (ruleSetId === DEFAULT_RULE_SET.id) {
      // A command of its own: the request's Idempotency-Key belongs to the request.
      const commandId = randomUUID();
      await this.publish(DEFAULT_RULE_SET, { ...metadata, commandId, requestHash: commandId });
      const published = await this.findLatest(ruleSetId);
      if (published) return published;
    }
    throw new NotFoundError('rule_set', ruleSetId);
  }

  publish(ruleSet: RuleSet, metadata: CommandMetadata) {
    const hash = ruleSetHash(ruleSet);
    return this.runner.run({
      id: ruleSet.id,
      streamId: ruleSetStreamId(ruleSet.id),
      decider: ruleSetDecider,
      metadata,
      ignoreIfMatch: true,
      command: () =>
        domainCommand<PublishRuleSet>(
          'PublishRuleSet',
          {
            ruleSetId: ruleSet.id,
            version: ruleSet.version,
            hash,
            ruleSet: ruleSet as unknown as Record<string, unknown>,
          },
          metadata,
        ),
    });
  }
}

export const ruleSetInvalid = (issues: { field: string; message: string }[]) =>
  new DomainError('RULE_SET_INVALID', 'the rule set does not hold together', { errors: issues });
