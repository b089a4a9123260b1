import type { ReadDocument } from '@gongjian/read-store';
import { publicFields } from '../../../read-side/read-view';

/** The Allocation read shape (API.md), with its stream revision. */
export const toAllocationView = (document: ReadDocument) => publicFields(document);
