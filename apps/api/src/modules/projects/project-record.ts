import {
  Decider,
  ProjectCommand,
  projectDecider,
  ProjectEvent,
  projectNotFound,
  Project,
  ProjectState,
} from '@gongjian/domain';
import { assertInScope } from '../../http/auth/township-scope';

/**
 * The project's decision state plus the townships of its pairing (kept by ProjectLaunched, not
 * by the project decider), so scope is checked on the state the decision is made on.
 */
export interface ProjectRecord {
  project: ProjectState;
  urbanTownship?: string;
  ruralTownship?: string;
}

export const projectRecordDecider: Decider<ProjectCommand, ProjectRecord, ProjectEvent> = {
  initialState: () => ({ project: projectDecider.initialState() }),
  evolve: (record, event) => ({
    project: projectDecider.evolve(record.project, event),
    urbanTownship:
      event.type === 'ProjectLaunched' ? event.data.urbanTownship : record.urbanTownship,
    ruralTownship:
      event.type === 'ProjectLaunched' ? event.data.ruralTownship : record.ruralTownship,
  }),
  decide: (command, record) => projectDecider.decide(command, record.project),
};

/** The launched project, or 404. */
export function requireProject(record: ProjectRecord, projectId: string): Project {
  if (!record.project.exists) throw projectNotFound(projectId);
  return record.project;
}

/** Commands on a project: 403 unless its village's township is in the operator's scope. */
export function assertProjectInScope(
  actor: { role: string; townships: string[] },
  record: ProjectRecord,
): void {
  if (record.ruralTownship !== undefined) assertInScope(actor, record.ruralTownship);
}
