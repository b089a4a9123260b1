import { isHollowByIncome, type Sector } from '@gongjian/domain';
import type { ReadDocument } from '@gongjian/read-store';
import { publicFields } from '../../../read-side/read-view';
import {
  DEFAULT_ORGANIZATION_VIEW_OPTIONS,
  OrganizationViewOptions,
} from './organization-view-options';

/**
 * The Organization read shape (API.md), with its stream revision and, in `derivedCategories`,
 * the categories derived from the record rather than set by hand: 空壳村 (`hollow_economy`)
 * when the latest recorded collective income lies below the line.
 */
export const toOrganizationView = (
  document: ReadDocument,
  options: OrganizationViewOptions = DEFAULT_ORGANIZATION_VIEW_OPTIONS,
) => {
  const income = document.collectiveIncome as { year: number; amountFen: number } | undefined;
  const thresholdFen = options.hollowEconomyThresholdFen;
  const hollow = isHollowByIncome(document.sector as Sector, income?.amountFen, thresholdFen);
  return {
    ...publicFields(document, ['state', 'categoryFlags', 'ratingPeriods']),
    derivedCategories: hollow
      ? [
          {
            category: 'hollow_economy',
            from: 'collective_income',
            year: income?.year,
            thresholdFen,
          },
        ]
      : [],
  };
};
