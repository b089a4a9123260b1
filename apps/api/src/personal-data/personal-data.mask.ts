/**
 * 110101199001011234 → 1****************4: only the first and the last character stay. The
 * digits in between are the region, the birth date and the sequence: the birth date is shown
 * beside the number, and a county's residents share few region codes, so showing the region and
 * the last four digits would leave the whole number to be worked out.
 */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 4) return '*'.repeat(idNumber.length);
  return `${idNumber[0]}${'*'.repeat(idNumber.length - 2)}${idNumber[idNumber.length - 1]}`;
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
