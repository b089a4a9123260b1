import { assessStandards, DEFAULT_FUNDING_STANDARDS } from './funding-standards';

describe('assessStandards', () => {
  it('reports every village standard, met or not, in fen', () => {
    expect(
      assessStandards(DEFAULT_FUNDING_STANDARDS, {
        recipientSector: 'village',
        memberCount: 40,
        totalsByPurposeFen: {
          service_center: 650_000_00,
          operating_funds: 18_000_00,
          activity_funds: 2_000_00,
          special_benefit: 50_000_00,
        },
      }),
    ).toEqual([
      { key: 'service_center_min', requiredFen: 600_000_00, actualFen: 650_000_00, met: true },
      { key: 'operating_funds_min', requiredFen: 20_000_00, actualFen: 18_000_00, met: false },
      { key: 'activity_funds_per_member', requiredFen: 40 * 50_00, actualFen: 2_000_00, met: true },
      { key: 'special_benefit_min', requiredFen: 50_000_00, actualFen: 50_000_00, met: true },
    ]);
  });

  it('skips the service centre when none was funded and activity funds without a member count', () => {
    expect(
      assessStandards(DEFAULT_FUNDING_STANDARDS, {
        recipientSector: 'community',
        totalsByPurposeFen: {},
      }),
    ).toEqual([{ key: 'special_benefit_min', requiredFen: 200_000_00, actualFen: 0, met: false }]);
  });

  it('assesses the service centre always when so configured', () => {
    const config = { ...DEFAULT_FUNDING_STANDARDS, serviceCenterOnlyWhenFunded: false };
    expect(
      assessStandards(config, { recipientSector: 'village', totalsByPurposeFen: {} })[0],
    ).toEqual({
      key: 'service_center_min',
      requiredFen: 600_000_00,
      actualFen: 0,
      met: false,
    });
  });

  it('has no standards for an organ', () => {
    expect(
      assessStandards(DEFAULT_FUNDING_STANDARDS, {
        recipientSector: 'organ',
        memberCount: 80,
        totalsByPurposeFen: {},
      }),
    ).toEqual([]);
  });
});
