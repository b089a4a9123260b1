import { projectAlreadyCompleted, projectNotFound } from './project.errors';
import { Project, ProjectState } from './project.state';

export function requireProject(state: ProjectState, id: string): Project {
  if (!state.exists) throw projectNotFound(id);
  return state;
}

export function requireNotCompleted(project: Project): void {
  if (project.completedOn !== undefined)
    throw projectAlreadyCompleted(project.id, project.completedOn);
}

export const projectRef = (project: Project) => ({
  projectId: project.id,
  pairingId: project.pairingId,
  urbanOrganizationId: project.urbanOrganizationId,
  ruralOrganizationId: project.ruralOrganizationId,
});
