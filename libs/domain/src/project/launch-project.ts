import {
  requireAmountFen,
  requireDate,
  requireOneOf,
  requireText,
} from '../organization/input.guards';
import { pairingNotActive, pairingNotFound } from '../pairing/pairing.errors';
import { pairingStatusOn } from '../pairing/pairing.state';
import { LaunchProject } from './project.commands';
import { projectAlreadyLaunched, projectOutsidePairingTerm } from './project.errors';
import { ProjectLaunched } from './project.events';
import { ProjectState } from './project.state';
import { PROJECT_CATEGORIES } from './project.vocabulary';

/** A project is launched under an active pairing and starts within its term. */
export function launchProject(command: LaunchProject, state: ProjectState): ProjectLaunched[] {
  const { data, context } = command;
  const projectId = requireText(data.projectId, 'projectId');
  if (state.exists) throw projectAlreadyLaunched(projectId);
  const { pairing } = data;
  if (!pairing.exists) throw pairingNotFound(pairing.id);
  const status = pairingStatusOn(pairing, context.today);
  if (status !== 'active') throw pairingNotActive(pairing.id, status);
  const startsOn = requireDate(data.startsOn, 'startsOn');
  if (startsOn < pairing.startsOn || startsOn > pairing.endsOn) {
    throw projectOutsidePairingTerm(startsOn, pairing.startsOn, pairing.endsOn);
  }
  return [
    {
      type: 'ProjectLaunched',
      data: {
        projectId,
        pairingId: pairing.id,
        urbanOrganizationId: pairing.urbanOrganizationId,
        ruralOrganizationId: pairing.ruralOrganizationId,
        urbanTownship: pairing.urbanTownship,
        ruralTownship: pairing.ruralTownship,
        name: requireText(data.name, 'name'),
        category: requireOneOf(data.category, PROJECT_CATEGORIES, 'category'),
        plannedInvestmentFen: requireAmountFen(
          data.plannedInvestmentFen,
          'plannedInvestmentFen',
          true,
        ),
        startsOn,
      },
    },
  ];
}
