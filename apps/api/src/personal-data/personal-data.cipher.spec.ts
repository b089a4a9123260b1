import { randomBytes } from 'node:crypto';
import { PersonalDataCipher } from './personal-data.cipher';
import { maskIdNumber, maskPhone } from './personal-data.mask';

describe('PersonalDataCipher', () => {
  const cipher = new PersonalDataCipher(randomBytes(32));

  it('round-trips and never stores the clear value', () => {
    const sealed = cipher.encrypt('110101199001011234');
    expect(sealed).not.toContain('110101199001011234');
    expect(sealed.startsWith('pd1:')).toBe(true);
    expect(cipher.decrypt(sealed)).toBe('110101199001011234');
  });

  it('encrypts the same value differently each time', () => {
    expect(cipher.encrypt('13812345678')).not.toBe(cipher.encrypt('13812345678'));
  });

  it('refuses a value sealed with another key or altered', () => {
    const sealed = cipher.encrypt('13812345678');
    expect(() => new PersonalDataCipher(randomBytes(32)).decrypt(sealed)).toThrow();
    const altered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => cipher.decrypt(altered)).toThrow();
  });

  it('masks identity numbers and phones for inspectors', () => {
    expect(maskIdNumber('110101199001011234')).toBe('110101********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
