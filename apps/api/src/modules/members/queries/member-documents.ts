import type { Member } from '@gongjian/domain';
import type { ReadDocument } from '@gongjian/read-store';
import type { PersonalDataCipher } from '../../../personal-data/personal-data.cipher';
import { toMemberView } from './member.view';

/** A member document as the Member read shape for this caller, with its stream revision. */
export function memberDocumentView(
  document: ReadDocument,
  today: string,
  role: string,
  cipher: PersonalDataCipher,
) {
  return {
    ...toMemberView(document.state as Member, today, role, cipher),
    revision: document.revision,
  };
}
