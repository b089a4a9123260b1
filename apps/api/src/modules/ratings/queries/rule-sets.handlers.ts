import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DEFAULT_RULE_SET, ruleSetHash } from '@gongjian/evaluation';
import { READ_MODEL_READER, RULE_SETS, type ReadModelReader } from '@gongjian/projections';
import { HttpProblemError } from '../../../http/problem/http-problem.error';
import type { PagedQueryDto } from '../../../read-side/paged-query.dto';
import { readPage } from '../../../read-side/read-page';
import { publicFields } from '../../../read-side/read-view';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { toRuleSetSummaryView } from './rating.view';

export class ListRuleSetsQuery {
  constructor(readonly paging: PagedQueryDto) {}
}

export class GetRuleSetQuery {
  constructor(
    readonly ruleSetId: string,
    readonly minPosition?: string,
  ) {}
}

/** Every rule set with its versions and hashes, by id. */
@QueryHandler(ListRuleSetsQuery)
export class ListRuleSetsHandler implements IQueryHandler<ListRuleSetsQuery> {
  constructor(@Inject(READ_MODEL_READER) private readonly reader: ReadModelReader) {}

  async execute({ paging }: ListRuleSetsQuery) {
    await awaitPosition(this.reader, paging.minPosition);
    return readPage(
      await this.reader.collection('ratings', RULE_SETS),
      {},
      paging,
      toRuleSetSummaryView,
    );
  }
}

/** One rule set: every version, its rules and its hash. */
@QueryHandler(GetRuleSetQuery)
export class GetRuleSetHandler implements IQueryHandler<GetRuleSetQuery> {
  constructor(@Inject(READ_MODEL_READER) private readonly reader: ReadModelReader) {}

  async execute({ ruleSetId, minPosition }: GetRuleSetQuery) {
    await awaitPosition(this.reader, minPosition);
    const document = await (await this.reader.collection('ratings', RULE_SETS)).findById(ruleSetId);
    if (document) return publicFields(document);
    if (ruleSetId === DEFAULT_RULE_SET.id) return builtInDefault();
    throw new HttpProblemError(404, 'RULE_SET_NOT_FOUND', `rule set ${ruleSetId} does not exist`);
  }
}

/**
 * The built-in default before any run has used it: what the first run will publish, with its
 * hash, marked `published: false` (the log holds it only from then on).
 */
function builtInDefault() {
  const { id, version, title } = DEFAULT_RULE_SET;
  const hash = ruleSetHash(DEFAULT_RULE_SET);
  return {
    id,
    title,
    latestVersion: version,
    latestHash: hash,
    published: false,
    versions: [{ ruleSetId: id, version, hash, ruleSet: DEFAULT_RULE_SET, publishedAt: null }],
  };
}
