import type { ReadDocument } from '@gongjian/read-store';
import { publicFields } from '../../../read-side/read-view';

/** The Organization read shape (API.md), with its stream revision. */
export const toOrganizationView = (document: ReadDocument) =>
  publicFields(document, ['state', 'categoryFlags', 'ratingPeriods']);
