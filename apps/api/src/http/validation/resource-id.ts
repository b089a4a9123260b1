/** Ids clients may choose: they become part of stream names, so keep them plain. */
export const RESOURCE_ID = {
  pattern: /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/,
  message: 'must be 1–128 letters, digits, or _ . : - (starting with a letter or digit)',
};
