import { Decider } from '../shared/decider';
import { completeProject } from './complete-project';
import { launchProject } from './launch-project';
import { ProjectCommand } from './project.commands';
import { ProjectEvent } from './project.events';
import { evolveProject } from './project.evolve';
import { ProjectState, initialProjectState } from './project.state';
import { recordInvestment } from './record-investment';
import { recordProjectFunding } from './record-funding';
import { recordProjectOutput } from './record-output';

export const projectStreamId = (projectId: string) => `project-${projectId}`;

export function decideProject(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  switch (command.type) {
    case 'LaunchProject':
      return launchProject(command, state);
    case 'RecordInvestment':
      return recordInvestment(command, state);
    case 'CompleteProject':
      return completeProject(command, state);
    case 'RecordProjectFunding':
      return recordProjectFunding(command, state);
    case 'RecordProjectOutput':
      return recordProjectOutput(command, state);
  }
}

export const projectDecider: Decider<ProjectCommand, ProjectState, ProjectEvent> = {
  decide: decideProject,
  evolve: evolveProject,
  initialState: initialProjectState,
};
