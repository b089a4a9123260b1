import {
  compact,
  requireAmountFen,
  requireDate,
  requireNotInFuture,
  requireOneOf,
  requireText,
  requireTotalFen,
} from '../organization/input.guards';
import { RecordProjectFunding } from './project.commands';
import { projectError } from './project.errors';
import { ProjectFundingRecorded, ProjectFundingRecordedData } from './project.events';
import { projectRef, requireProject } from './project.guards';
import { ProjectState } from './project.state';
import { FUNDING_STAGES, PROJECT_FUNDING_SOURCES } from './project.vocabulary';

/** What a funding record says, to tell a retry (same) from another record under its id. */
export const fundingFingerprint = (
  d: Pick<ProjectFundingRecordedData, 'source' | 'stage' | 'amountFen' | 'on'>,
) => `${d.source}|${d.stage}|${d.amountFen}|${d.on}`;

/**
 * 争取 vs 到位: money secured for the project from a source, or arrived from it. Arrived money
 * of a source never exceeds what was secured from it; both may be recorded after completion
 * (final payments arrive late). Dated up to today.
 */
export function recordProjectFunding(
  command: RecordProjectFunding,
  state: ProjectState,
): ProjectFundingRecorded[] {
  const { data, context } = command;
  const project = requireProject(state, data.projectId);
  const fundingId = requireText(data.fundingId, 'fundingId');
  const source = requireOneOf(data.source, PROJECT_FUNDING_SOURCES, 'source');
  const stage = requireOneOf(data.stage, FUNDING_STAGES, 'stage');
  const amountFen = requireAmountFen(data.amountFen, 'amountFen');
  const on = requireDate(data.on, 'on');
  requireNotInFuture(on, context.today, 'on');
  const ref = data.ref === undefined ? undefined : requireText(data.ref, 'ref');
  const known = project.fundingRecords?.[fundingId];
  if (known !== undefined) {
    if (known === fundingFingerprint({ source, stage, amountFen, on })) return [];
    throw projectError(
      'RECORD_ID_CONFLICT',
      `funding ${fundingId} was recorded with other details`,
      {
        fundingId,
      },
    );
  }
  const totals = project.funding?.[source] ?? { securedFen: 0, arrivedFen: 0 };
  const sourceSecuredFen =
    stage === 'secured'
      ? requireTotalFen(totals.securedFen, amountFen, 'securedFen')
      : totals.securedFen;
  const sourceArrivedFen =
    stage === 'arrived'
      ? requireTotalFen(totals.arrivedFen, amountFen, 'arrivedFen')
      : totals.arrivedFen;
  if (sourceArrivedFen > sourceSecuredFen) {
    throw projectError(
      'FUNDING_ARRIVED_EXCEEDS_SECURED',
      `${sourceArrivedFen} fen arrived from ${source} would exceed the ${sourceSecuredFen} fen secured from it`,
      {
        source,
        securedFen: sourceSecuredFen,
        arrivedFen: totals.arrivedFen,
        requestedFen: amountFen,
      },
    );
  }
  return [
    {
      type: 'ProjectFundingRecorded',
      data: compact({
        ...projectRef(project),
        fundingId,
        source,
        stage,
        amountFen,
        on,
        ref,
        sourceSecuredFen,
        sourceArrivedFen,
      }),
    },
  ];
}
