import { Member, obligations } from '@gongjian/domain';
import { PersonalDataCipher } from '../../../personal-data/personal-data.cipher';
import { maskIdNumber, maskPhone } from '../../../personal-data/personal-data.mask';

/** Who may read identity numbers and phones in clear; everyone else reads them masked. */
const CLEAR_PERSONAL_DATA_ROLES: readonly string[] = ['admin', 'operator'];

/**
 * The Member read shape (API.md). Personal data is decrypted for admins and operators, and
 * decrypted then masked for every other role (inspectors).
 */
export function toMemberView(m: Member, today: string, role: string, cipher: PersonalDataCipher) {
  const clear = CLEAR_PERSONAL_DATA_ROLES.includes(role);
  const reveal = (
    sealed: string | undefined,
    field: 'idNumber' | 'phone',
    mask: (value: string) => string,
  ) => {
    if (sealed === undefined) return undefined;
    const value = cipher.decrypt(sealed, { memberId: m.memberId, field });
    return clear ? value : mask(value);
  };
  const { name, gender, birthDate, education, occupation, migrantWorker } = m.person;
  return {
    id: m.memberId,
    organizationId: m.organizationId,
    partnerOrganizationId: m.partnerOrganizationId,
    dualCultivation: m.dualCultivation,
    stage: m.stage,
    appliedOn: m.appliedOn,
    person: {
      name,
      gender,
      birthDate,
      education,
      idNumber: reveal(m.person.idNumberCipher, 'idNumber', maskIdNumber),
      phone: reveal(m.person.phoneCipher, 'phone', maskPhone),
      occupation,
      migrantWorker,
    },
    activistSince: m.activistSince,
    developmentTargetSince: m.developmentTargetSince,
    contacts: m.contacts,
    sponsors: m.sponsors,
    probationEndsOn: m.probationEndsOn,
    fullMemberSince: m.fullMemberSince,
    ended: m.ended,
    history: m.history,
    obligations: obligations(m, today),
  };
}
