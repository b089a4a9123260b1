import {
  compact,
  requireCount,
  requireDate,
  requireNotInFuture,
  requireOneOf,
  requireText,
} from '../organization/input.guards';
import { RecordProjectOutput } from './project.commands';
import { projectError } from './project.errors';
import { ProjectOutputRecorded } from './project.events';
import { projectRef, requireProject } from './project.guards';
import { ProjectState } from './project.state';
import { OUTPUT_KINDS, OUTPUT_UNITS, UNITS_OF_OUTPUT } from './project.vocabulary';

/**
 * A physical output as a quantity in a unit its kind is counted in (road metres, street lights,
 * square metres of a square…); `other` needs a description. Dated up to today; also after
 * completion, when outputs are usually taken stock of.
 */
export function recordProjectOutput(
  command: RecordProjectOutput,
  state: ProjectState,
): ProjectOutputRecorded[] {
  const { data, context } = command;
  const project = requireProject(state, data.projectId);
  const outputId = requireText(data.outputId, 'outputId');
  const kind = requireOneOf(data.kind, OUTPUT_KINDS, 'kind');
  const unit = requireOneOf(data.unit, OUTPUT_UNITS, 'unit');
  if (!UNITS_OF_OUTPUT[kind].includes(unit)) {
    throw projectError('OUTPUT_UNIT_NOT_APPLICABLE', `${kind} is not counted in ${unit}`, {
      kind,
      unit,
      units: UNITS_OF_OUTPUT[kind],
    });
  }
  const quantity = requireCount(data.quantity, 'quantity', true);
  const description =
    data.description === undefined ? undefined : requireText(data.description, 'description');
  if (kind === 'other' && description === undefined) {
    throw projectError(
      'OUTPUT_DESCRIPTION_REQUIRED',
      'an output of kind other needs a description',
      {
        field: 'description',
      },
    );
  }
  const on = requireDate(data.on, 'on');
  requireNotInFuture(on, context.today, 'on');
  const output = compact({ kind, quantity, unit, description, on });
  const known = project.outputs?.[outputId];
  if (known !== undefined) {
    const same =
      known.kind === kind &&
      known.quantity === quantity &&
      known.unit === unit &&
      known.description === description &&
      known.on === on;
    if (same) return [];
    throw projectError('RECORD_ID_CONFLICT', `output ${outputId} was recorded with other details`, {
      outputId,
    });
  }
  return [{ type: 'ProjectOutputRecorded', data: { ...projectRef(project), outputId, ...output } }];
}
