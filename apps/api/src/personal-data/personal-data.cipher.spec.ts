import { createCipheriv, randomBytes } from 'node:crypto';
import { PersonalDataBinding, PersonalDataCipher } from './personal-data.cipher';
import { maskIdNumber, maskPhone } from './personal-data.mask';

const idOf = (memberId: string): PersonalDataBinding => ({ memberId, field: 'idNumber' });
const phoneOf = (memberId: string): PersonalDataBinding => ({ memberId, field: 'phone' });

/** A value as the first version wrote it: no associated data. */
function sealV1(key: Buffer, clear: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
  return ['pd1', iv, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join(':');
}

describe('PersonalDataCipher', () => {
  const key = randomBytes(32);
  const cipher = new PersonalDataCipher(key);

  it('round-trips and never stores the clear value', () => {
    const sealed = cipher.encrypt('110101199001011234', idOf('m-1'));
    expect(sealed).not.toContain('110101199001011234');
    expect(sealed.startsWith('pd2:')).toBe(true);
    expect(cipher.decrypt(sealed, idOf('m-1'))).toBe('110101199001011234');
  });

  it('encrypts the same value differently each time', () => {
    expect(cipher.encrypt('13812345678', phoneOf('m-1'))).not.toBe(
      cipher.encrypt('13812345678', phoneOf('m-1')),
    );
  });

  it('refuses a value sealed with another key or altered', () => {
    const sealed = cipher.encrypt('13812345678', phoneOf('m-1'));
    expect(() => new PersonalDataCipher(randomBytes(32)).decrypt(sealed, phoneOf('m-1'))).toThrow();
    const altered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => cipher.decrypt(altered, phoneOf('m-1'))).toThrow();
  });

  it('refuses a truncated authentication tag', () => {
    for (const sealed of [
      cipher.encrypt('13812345678', phoneOf('m-1')),
      sealV1(key, '13812345678'),
    ]) {
      const [version, iv, tag, ciphertext] = sealed.split(':');
      const short = Buffer.from(tag, 'base64url').subarray(0, 4).toString('base64url');
      expect(() =>
        cipher.decrypt([version, iv, short, ciphertext].join(':'), phoneOf('m-1')),
      ).toThrow(/truncated/);
    }
  });

  it('refuses a value moved to another member or another field', () => {
    const sealed = cipher.encrypt('13812345678', phoneOf('m-1'));
    expect(() => cipher.decrypt(sealed, phoneOf('m-2'))).toThrow();
    expect(() => cipher.decrypt(sealed, idOf('m-1'))).toThrow();
    expect(cipher.decrypt(sealed, phoneOf('m-1'))).toBe('13812345678');
  });

  it('still reads values of the first version', () => {
    const legacy = sealV1(key, '110101199001011234');
    expect(cipher.decrypt(legacy, idOf('any member'))).toBe('110101199001011234');
  });

  it('masks identity numbers and phones for inspectors', () => {
    expect(maskIdNumber('110101199001011234')).toBe('1****************4');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
