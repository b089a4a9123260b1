import { Inject, Optional } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@gongjian/domain';
import { ORGANIZATIONS, READ_MODEL_READER, type ReadModelReader } from '@gongjian/projections';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import { assertReadableBy } from '../../../read-side/township-scope.filter';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { toOrganizationView } from './organization.view';
import {
  DEFAULT_ORGANIZATION_VIEW_OPTIONS,
  ORGANIZATION_VIEW_OPTIONS,
  OrganizationViewOptions,
} from './organization-view-options';

export class GetOrganizationQuery {
  constructor(
    readonly organizationId: string,
    readonly actor: AuthenticatedActor,
    readonly minPosition?: string,
  ) {}
}

/** One organization from its read model: 404 when unknown, 403 outside an operator's townships. */
@QueryHandler(GetOrganizationQuery)
export class GetOrganizationHandler implements IQueryHandler<GetOrganizationQuery> {
  constructor(
    @Inject(READ_MODEL_READER) private readonly reader: ReadModelReader,
    @Optional()
    @Inject(ORGANIZATION_VIEW_OPTIONS)
    private readonly options: OrganizationViewOptions = DEFAULT_ORGANIZATION_VIEW_OPTIONS,
  ) {}

  async execute({ organizationId, actor, minPosition }: GetOrganizationQuery) {
    await awaitPosition(this.reader, minPosition);
    const collection = await this.reader.collection('organizations', ORGANIZATIONS);
    const document = await collection.findById(organizationId);
    if (!document) throw new NotFoundError('organization', organizationId);
    assertReadableBy(actor, [document.township as string]);
    return toOrganizationView(document, this.options);
  }
}
