import { Member, obligations } from '@gongjian/domain';
import type { MemberHistoryEntry } from '@gongjian/projections';
import { PersonalDataCipher } from '../../../personal-data/personal-data.cipher';
import { maskIdNumber, maskPhone } from '../../../personal-data/personal-data.mask';

/** Who may read identity numbers and phones in clear; everyone else reads them masked. */
const CLEAR_PERSONAL_DATA_ROLES: readonly string[] = ['admin', 'operator'];

/** The Member read shape (API.md) for a caller of this role. */
export function toMemberView(m: Member, today: string, role: string, cipher: PersonalDataCipher) {
  return withPersonalData(toSealedMemberView(m, today), role, cipher);
}

/**
 * The Member read shape (API.md) with the identity number and phone still sealed (`sealed`):
 * `withPersonalData` opens them for the caller.
 */
export function toSealedMemberView(m: Member, today: string) {
  const { name, gender, birthDate, education, occupation, migrantWorker } = m.person;
  return {
    id: m.memberId,
    organizationId: m.organizationId,
    partnerOrganizationId: m.partnerOrganizationId,
    dualCultivation: m.dualCultivation,
    stage: m.stage,
    appliedOn: m.appliedOn,
    person: { name, gender, birthDate, education, occupation, migrantWorker },
    sealed: {
      memberId: m.memberId,
      idNumber: m.person.idNumberCipher,
      phone: m.person.phoneCipher,
    },
    activistSince: m.activistSince,
    developmentTargetSince: m.developmentTargetSince,
    contacts: m.contacts,
    sponsors: m.sponsors,
    probationEndsOn: m.probationEndsOn,
    fullMemberSince: m.fullMemberSince,
    ended: m.ended,
    /** Vote entries (`branch_vote`, `full_membership_vote`) say whether the vote passed. */
    history: m.history as MemberHistoryEntry[],
    obligations: obligations(m, today),
  };
}

/**
 * Personal data decrypted for admins and operators, decrypted then masked for every other role
 * (inspectors).
 */
export function withPersonalData<V extends ReturnType<typeof toSealedMemberView>>(
  view: V,
  role: string,
  cipher: PersonalDataCipher,
) {
  const clear = CLEAR_PERSONAL_DATA_ROLES.includes(role);
  const { sealed, ...rest } = view;
  const reveal = (
    value: string | undefined,
    field: 'idNumber' | 'phone',
    mask: (v: string) => string,
  ) => {
    if (value === undefined) return undefined;
    const opened = cipher.decrypt(value, { memberId: sealed.memberId, field });
    return clear ? opened : mask(opened);
  };
  const { name, gender, birthDate, education, occupation, migrantWorker } = view.person;
  return {
    ...rest,
    person: {
      name,
      gender,
      birthDate,
      education,
      idNumber: reveal(sealed.idNumber, 'idNumber', maskIdNumber),
      phone: reveal(sealed.phone, 'phone', maskPhone),
      occupation,
      migrantWorker,
    },
  };
}
