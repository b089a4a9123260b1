import type { ReadDocument } from '@gongjian/read-store';
import { publicFields } from '../../../read-side/read-view';

/** The Rating read shape (API.md): score and points with two decimals beside their hundredths. */
export const toRatingView = (document: ReadDocument) => publicFields(document);

/** A rule set in a list: its versions without their bodies (`GET /rule-sets/{id}` has them). */
export const toRuleSetSummaryView = (document: ReadDocument) => {
  const view = publicFields(document);
  const versions = (
    document.versions as { version: number; hash: string; publishedAt: string }[]
  ).map(({ version, hash, publishedAt }) => ({ version, hash, publishedAt }));
  return { ...view, versions };
};
