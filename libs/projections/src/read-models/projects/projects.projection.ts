import type { ProjectLaunchedData } from '@gongjian/domain';
import type { ReadDocument } from '@gongjian/read-store';
import type { ReadModelProjection } from '../../projection.definition';
import { skippingApplied } from '../shared/position-guard';

export const PROJECTS = 'projects';

const STREAM_PREFIX = 'project-';
const TYPES: ReadonlySet<string> = new Set([
  'ProjectLaunched',
  'InvestmentRecorded',
  'ProjectCompleted',
  'ProjectFundingRecorded',
  'ProjectOutputRecorded',
]);

type FundingTotals = { securedFen: number; arrivedFen: number };
type OutputTotal = { kind: string; unit: string; quantity: number };

/**
 * One document per project (the Project read shape), with the townships of its pairing, its
 * funding secured (争取) and arrived (到位) in total and by source, and its physical outputs
 * summed by kind and unit.
 */
export const projectsProjection: ReadModelProjection = {
  name: 'projects',
  version: 1,
  collections: {
    [PROJECTS]: [
      {
        fields: [
          ['pairingId', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['category', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['townships', 1],
          ['_id', 1],
        ],
      },
    ],
  },
  touches: (event) =>
    event.streamId.startsWith(STREAM_PREFIX) && TYPES.has(event.type)
      ? [{ collection: PROJECTS, id: event.streamId.slice(STREAM_PREFIX.length) }]
      : [],
  apply: skippingApplied((current, event) => {
    const data = event.data as Record<string, unknown>;
    if (event.type === 'ProjectLaunched') {
      const d = data as unknown as ProjectLaunchedData;
      return {
        _id: d.projectId,
        _pos: event.position,
        revision: event.revision,
        id: d.projectId,
        pairingId: d.pairingId,
        urbanOrganizationId: d.urbanOrganizationId,
        ruralOrganizationId: d.ruralOrganizationId,
        urbanTownship: d.urbanTownship,
        ruralTownship: d.ruralTownship,
        townships: [...new Set([d.ruralTownship, d.urbanTownship])],
        name: d.name,
        category: d.category,
        plannedInvestmentFen: d.plannedInvestmentFen,
        investedFen: 0,
        status: 'in_progress',
        startsOn: d.startsOn,
      };
    }
    if (current === undefined) return null;
    const next = { ...current, _pos: event.position, revision: event.revision };
    if (event.type === 'InvestmentRecorded') {
      const last = current.lastInvestmentOn as string | undefined;
      const on = data.on as string;
      return {
        ...next,
        investedFen: data.investedFen,
        lastInvestmentOn: last !== undefined && last > on ? last : on,
      };
    }
    if (event.type === 'ProjectFundingRecorded') return withFunding(next, data);
    if (event.type === 'ProjectOutputRecorded') return withOutput(next, data);
    return { ...next, status: 'completed', completedOn: data.on, investedFen: data.investedFen };
  }),
};

function withFunding(doc: ReadDocument, data: Record<string, unknown>): ReadDocument {
  const bySource = {
    ...((doc.fundingBySource as Record<string, FundingTotals> | undefined) ?? {}),
    [data.source as string]: {
      securedFen: data.sourceSecuredFen as number,
      arrivedFen: data.sourceArrivedFen as number,
    },
  };
  const totals = Object.values(bySource).reduce(
    (sum, t) => ({
      securedFen: sum.securedFen + t.securedFen,
      arrivedFen: sum.arrivedFen + t.arrivedFen,
    }),
    { securedFen: 0, arrivedFen: 0 },
  );
  return { ...doc, fundingBySource: bySource, ...totalsAs(totals) };
}

const totalsAs = (t: FundingTotals) => ({ securedFen: t.securedFen, arrivedFen: t.arrivedFen });

function withOutput(doc: ReadDocument, data: Record<string, unknown>): ReadDocument {
  const outputs = [...((doc.outputs as OutputTotal[] | undefined) ?? [])];
  const at = outputs.findIndex((o) => o.kind === data.kind && o.unit === data.unit);
  const quantity = data.quantity as number;
  if (at === -1) outputs.push({ kind: data.kind as string, unit: data.unit as string, quantity });
  else outputs[at] = { ...outputs[at], quantity: outputs[at].quantity + quantity };
  return { ...doc, outputs };
}
