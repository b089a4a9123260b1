import { ProjectCategory, ProjectStatus } from './project.vocabulary';

export interface Project {
  exists: true;
  id: string;
  pairingId: string;
  urbanOrganizationId: string;
  ruralOrganizationId: string;
  name: string;
  category: ProjectCategory;
  plannedInvestmentFen: number;
  investedFen: number;
  startsOn: string;
  lastInvestmentOn?: string;
  status: ProjectStatus;
  completedOn?: string;
}

export type ProjectState = { exists: false } | Project;

export const initialProjectState = (): ProjectState => ({ exists: false });
