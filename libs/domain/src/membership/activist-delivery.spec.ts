import { activistDeliveredBy } from './activist-delivery';

describe('activists delivered by a pairing', () => {
  const term = { pairingId: 'p1', from: '2025-12-01', to: '2027-11-30' };

  it('counts an activist who named no pairing for a pairing whose term covers the date, both ends included', () => {
    expect(activistDeliveredBy({ on: '2025-12-01' }, term)).toBe(true);
    expect(activistDeliveredBy({ on: '2027-11-30' }, term)).toBe(true);
    expect(activistDeliveredBy({ on: '2025-11-30' }, term)).toBe(false);
    expect(activistDeliveredBy({ on: '2027-12-01' }, term)).toBe(false);
  });

  it('counts an activist who named a pairing for that pairing only, whatever the date', () => {
    expect(activistDeliveredBy({ on: '2025-12-05', pairingId: 'p1' }, term)).toBe(true);
    expect(activistDeliveredBy({ on: '2025-12-05', pairingId: 'p2' }, term)).toBe(false);
  });
});
