import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { projectNotFound } from '@gongjian/domain';
import { PROJECTS, READ_MODEL_READER, type ReadModelReader } from '@gongjian/projections';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { assertReadableBy } from '../../../read-side/township-scope.filter';
import { toProjectView } from './project.view';

export class GetProjectQuery {
  constructor(
    readonly projectId: string,
    readonly actor: AuthenticatedActor,
    readonly minPosition?: string,
  ) {}
}

/** One project; operators read projects of pairings in their scope (either side's township). */
@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery> {
  constructor(@Inject(READ_MODEL_READER) private readonly reader: ReadModelReader) {}

  async execute({ projectId, actor, minPosition }: GetProjectQuery) {
    await awaitPosition(this.reader, minPosition);
    const projects = await this.reader.collection('projects', PROJECTS);
    const project = await projects.findById(projectId);
    if (!project) throw projectNotFound(projectId);
    assertReadableBy(actor, project.townships as string[]);
    return toProjectView(project);
  }
}
