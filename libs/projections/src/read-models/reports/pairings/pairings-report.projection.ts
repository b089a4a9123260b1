import type { BranchPairedData, PairingDissolvedData, PairingRenewedData } from '@gongjian/domain';
import type { ReadDocument } from '@gongjian/read-store';
import type { ReadModelProjection } from '../../../projection.definition';
import { alreadyApplied, dataOf } from '../report-event';

export const PAIRINGS_REPORT_PROJECTION = 'report_pairings';
export const PAIRINGS_REPORT_COLLECTION = 'report_pairings';

/** One pairing as the yearly table counts it: the cell it falls in and its term. */
export interface PairingReportDocument extends ReadDocument {
  /** The rural side's township: pairings are counted where the village is. */
  township: string;
  urbanSector: string;
  departmentKind: string | null;
  urbanOrganizationId: string;
  ruralOrganizationId: string;
  startsOn: string;
  endsOn: string;
  dissolvedOn: string | null;
  principleMatched: boolean;
}

const TYPES = new Set(['BranchPaired', 'PairingDissolved', 'PairingRenewed']);

export const pairingsReportProjection: ReadModelProjection = {
  name: PAIRINGS_REPORT_PROJECTION,
  version: 1,
  collections: {
    [PAIRINGS_REPORT_COLLECTION]: [{ fields: [['township', 1]] }, { fields: [['startsOn', 1]] }],
  },
  touches: (event) =>
    TYPES.has(event.type)
      ? [{ collection: PAIRINGS_REPORT_COLLECTION, id: String(event.data.pairingId) }]
      : [],
  apply(current, event) {
    if (alreadyApplied(current, event)) return current as ReadDocument;
    const doc = current as PairingReportDocument | undefined;
    if (event.type === 'BranchPaired') {
      const d = dataOf<BranchPairedData>(event);
      const paired: PairingReportDocument = {
        _id: d.pairingId,
        _pos: event.position,
        township: d.ruralTownship,
        urbanSector: d.urbanSector,
        departmentKind: d.urbanDepartmentKind ?? null,
        urbanOrganizationId: d.urbanOrganizationId,
        ruralOrganizationId: d.ruralOrganizationId,
        startsOn: d.startsOn,
        endsOn: d.endsOn,
        dissolvedOn: null,
        principleMatched: d.principleMatched,
      };
      return paired;
    }
    if (!doc) return null;
    if (event.type === 'PairingDissolved') {
      return { ...doc, _pos: event.position, dissolvedOn: dataOf<PairingDissolvedData>(event).on };
    }
    return { ...doc, _pos: event.position, endsOn: dataOf<PairingRenewedData>(event).endsOn };
  },
};
