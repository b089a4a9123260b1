import type { Member } from '@gongjian/domain';
import type { ReadDocument } from '@gongjian/read-store';
import type { PersonalDataCipher } from '../../../personal-data/personal-data.cipher';
import { toSealedMemberView, withPersonalData } from './member.view';

/** A member document as the Member read shape for this caller, with its stream revision. */
export function memberDocumentView(
  document: ReadDocument,
  today: string,
  role: string,
  cipher: PersonalDataCipher,
) {
  return withPersonalData(sealedMemberView(document, today), role, cipher);
}

/**
 * The Member read shape with identity number and phone still sealed: the same for every caller
 * on a day, so lists may keep it; personal data is opened per request, never kept in clear.
 */
export function sealedMemberView(document: ReadDocument, today: string) {
  return { ...toSealedMemberView(document.state as Member, today), revision: document.revision };
}
