import { randomBytes } from 'node:crypto';
import { PersonalDataCipher } from '../../../personal-data/personal-data.cipher';
import { maskedEventData } from './masked-event-data';

const cipher = new PersonalDataCipher(randomBytes(32));
const open = (sealed: string, field: string) =>
  cipher.decrypt(sealed, { memberId: 'm-1', field: field as 'idNumber' | 'phone' });

describe('event data in the audit trail', () => {
  it('shows identity numbers and phones decrypted then masked, never the ciphertext', () => {
    const data = {
      memberId: 'm-1',
      person: {
        name: '李梅',
        idNumberCipher: cipher.encrypt('110101199503151234', {
          memberId: 'm-1',
          field: 'idNumber',
        }),
        phoneCipher: cipher.encrypt('13812345678', { memberId: 'm-1', field: 'phone' }),
      },
    };
    expect(maskedEventData(data, open)).toEqual({
      memberId: 'm-1',
      person: { name: '李梅', idNumber: '1****************4', phone: '138****5678' },
    });
  });

  it('masks what it cannot decrypt, and leaves data without personal fields as it is', () => {
    const other = new PersonalDataCipher(randomBytes(32));
    expect(
      maskedEventData(
        {
          items: [
            { phoneCipher: other.encrypt('13800000000', { memberId: 'm-1', field: 'phone' }) },
          ],
        },
        open,
      ),
    ).toEqual({
      items: [{ phone: '********' }],
    });
    const plain = { pairingId: 'p-1', commitments: { fundsFen: 1, projects: 2 }, tags: ['a'] };
    expect(maskedEventData(plain, open)).toEqual(plain);
  });
});
