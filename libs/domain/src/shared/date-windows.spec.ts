import { dateWindow, isInDateWindow } from './date-windows';

describe('date windows', () => {
  const today = '2026-12-01';

  it('refuses the typos of issue reports: 0001-01-01, 9999-12-31, a birth in 1800', () => {
    expect(isInDateWindow('0001-01-01', 'funds', today)).toBe(false);
    expect(isInDateWindow('9999-12-31', 'termEnd', today)).toBe(false);
    expect(isInDateWindow('1800-05-01', 'birth', today)).toBe(false);
  });

  it('accepts plausible dates, both ends included', () => {
    expect(dateWindow('termEnd', today)).toEqual({ from: '1950-01-01', to: '2036-12-01' });
    expect(isInDateWindow('2036-12-01', 'termEnd', today)).toBe(true);
    expect(isInDateWindow('2036-12-02', 'termEnd', today)).toBe(false);
    expect(isInDateWindow('1926-12-01', 'birth', today)).toBe(true);
    expect(isInDateWindow('1926-11-30', 'birth', today)).toBe(false);
    expect(isInDateWindow('2000-01-01', 'funds', today)).toBe(true);
    expect(isInDateWindow('1999-12-31', 'funds', today)).toBe(false);
    expect(isInDateWindow('1990-06-01', 'record', today)).toBe(true);
  });
});
