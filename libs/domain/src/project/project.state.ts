import { OutputKind, OutputUnit, ProjectCategory, ProjectStatus } from './project.vocabulary';

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
  /** By source: secured (争取) and arrived (到位) fen. Absent before any funding was recorded. */
  funding?: Record<string, { securedFen: number; arrivedFen: number }>;
  /** By fundingId / outputId: what each record said, for idempotent retries. */
  fundingRecords?: Record<string, string>;
  outputs?: Record<
    string,
    { kind: OutputKind; quantity: number; unit: OutputUnit; description?: string; on: string }
  >;
}

export type ProjectState = { exists: false } | Project;

export const initialProjectState = (): ProjectState => ({ exists: false });
