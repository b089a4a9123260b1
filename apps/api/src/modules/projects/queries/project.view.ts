import type { ReadDocument } from '@gongjian/read-store';
import { publicFields } from '../../../read-side/read-view';

/** The Project read shape (API.md), with its stream revision. */
export const toProjectView = (document: ReadDocument) => publicFields(document, ['townships']);
