import type { ProjectLaunchedData } from '@gongjian/domain';
import type { ReadModelProjection } from '../../projection.definition';
import { skippingApplied } from '../shared/position-guard';

export const PROJECTS = 'projects';

const STREAM_PREFIX = 'project-';
const TYPES: ReadonlySet<string> = new Set([
  'ProjectLaunched',
  'InvestmentRecorded',
  'ProjectCompleted',
]);

/** One document per project (the Project read shape), with the townships of its pairing. */
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
    return { ...next, status: 'completed', completedOn: data.on, investedFen: data.investedFen };
  }),
};
