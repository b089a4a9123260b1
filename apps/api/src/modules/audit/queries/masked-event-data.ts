import type { PersonalDataCipher } from '../../../personal-data/personal-data.cipher';
import { maskIdNumber, maskPhone } from '../../../personal-data/personal-data.mask';

const MASKS: Readonly<Record<string, (value: string) => string>> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
};

/**
 * Event data as the audit trail shows it: every encrypted field (`<name>Cipher`) replaced by
 * `<name>`, decrypted then masked; what cannot be decrypted shows as asterisks.
 */
export function maskedEventData(data: unknown, cipher: PersonalDataCipher): unknown {
  if (Array.isArray(data)) return data.map((item) => maskedEventData(item, cipher));
  if (data === null || typeof data !== 'object') return data;
  const masked: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(data)) {
    if (field.endsWith('Cipher') && typeof value === 'string') {
      const name = field.slice(0, -'Cipher'.length);
      masked[name] = mask(name, value, cipher);
    } else {
      masked[field] = maskedEventData(value, cipher);
    }
  }
  return masked;
}

function mask(name: string, sealed: string, cipher: PersonalDataCipher): string {
  const masking = MASKS[name] ?? ((value: string) => '*'.repeat(value.length));
  try {
    return masking(cipher.decrypt(sealed));
  } catch {
    return '********';
  }
}
