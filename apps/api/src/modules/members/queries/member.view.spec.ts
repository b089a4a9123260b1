import { randomBytes } from 'node:crypto';
import { fold, memberDecider, MemberEvent } from '@gongjian/domain';
import { PersonalDataCipher } from '../../../personal-data/personal-data.cipher';
import { toMemberView } from './member.view';

const cipher = new PersonalDataCipher(randomBytes(32));

const applied: MemberEvent = {
  type: 'MembershipApplied',
  data: {
    memberId: 'm-1',
    organizationId: 'v-01',
    appliedOn: '2025-01-10',
    person: {
      name: '李梅',
      gender: 'female',
      birthDate: '1995-03-15',
      education: '大专',
      idNumberCipher: cipher.encrypt('110101199503151234', { memberId: 'm-1', field: 'idNumber' }),
      phoneCipher: cipher.encrypt('13812345678', { memberId: 'm-1', field: 'phone' }),
    },
    dualCultivation: false,
    interviewDueOn: '2025-02-10',
  },
};
const member = fold(memberDecider, [applied]);
if (member.stage === 'none') throw new Error('fixture');

describe('the Member read shape', () => {
  it('decrypts personal data for admins and operators', () => {
    for (const role of ['admin', 'operator']) {
      expect(toMemberView(member, '2025-01-20', role, cipher).person).toMatchObject({
        idNumber: '110101199503151234',
        phone: '13812345678',
      });
    }
  });

  it('masks it for inspectors (and any other role)', () => {
    for (const role of ['inspector', 'scheduler']) {
      expect(toMemberView(member, '2025-01-20', role, cipher).person).toMatchObject({
        idNumber: '1****************4',
        phone: '138****5678',
      });
    }
  });

  it('lists the history and the obligations as of today', () => {
    const onTime = toMemberView(member, '2025-01-20', 'admin', cipher);
    expect(onTime).toMatchObject({
      id: 'm-1',
      organizationId: 'v-01',
      stage: 'applicant',
      history: [{ step: 'apply', on: '2025-01-10' }],
      obligations: [{ kind: 'interview', dueOn: '2025-02-10', overdue: false }],
    });
    expect(toMemberView(member, '2025-02-11', 'admin', cipher).obligations).toEqual([
      { kind: 'interview', dueOn: '2025-02-10', overdue: true },
    ]);
  });

  it('omits personal data that was never given', () => {
    const { idNumberCipher: _, phoneCipher: __, ...person } = member.person;
    const view = toMemberView({ ...member, person }, '2025-01-20', 'inspector', cipher);
    expect(view.person.idNumber).toBeUndefined();
    expect(view.person.phone).toBeUndefined();
  });
});
