import { maskIdNumber, maskPhone } from '../../../personal-data/personal-data.mask';

const MASKS: Readonly<Record<string, (value: string) => string>> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
};

/** Opens one sealed value of the event (`field`: the name without `Cipher`). */
export type OpenSealed = (sealed: string, field: string) => string;

/**
 * Event data as the audit trail shows it: every encrypted field (`<name>Cipher`) replaced by
 * `<name>`, decrypted then masked; what cannot be decrypted shows as asterisks.
 */
export function maskedEventData(data: unknown, open: OpenSealed): unknown {
  if (Array.isArray(data)) return data.map((item) => maskedEventData(item, open));
  if (data === null || typeof data !== 'object') return data;
  const masked: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(data)) {
    if (field.endsWith('Cipher') && typeof value === 'string') {
      const name = field.slice(0, -'Cipher'.length);
      masked[name] = mask(name, value, open);
    } else {
      masked[field] = maskedEventData(value, open);
    }
  }
  return masked;
}

function mask(name: string, sealed: string, open: OpenSealed): string {
  const masking = MASKS[name] ?? ((value: string) => '*'.repeat(value.length));
  try {
    return masking(open(sealed, name));
  } catch {
    return '********';
  }
}
