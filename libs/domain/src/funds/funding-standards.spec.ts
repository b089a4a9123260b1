import {
  assessStandards,
  assessStandardsForYear,
  DEFAULT_FUNDING_STANDARDS,
  fundingStandardsWith,
} from './funding-standards';

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
      {
        key: 'activity_funds_per_member',
        requiredFen: 40 * 100_00,
        actualFen: 2_000_00,
        met: false,
      },
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

  it('seed 004: activity funds of 100元 per rural Party member, met at 40 members × 100元', () => {
    const [assessed] = assessStandards(DEFAULT_FUNDING_STANDARDS, {
      recipientSector: 'village',
      memberCount: 40,
      totalsByPurposeFen: { activity_funds: 4_000_00 },
    }).filter((s) => s.key === 'activity_funds_per_member');
    expect(assessed).toEqual({
      key: 'activity_funds_per_member',
      requiredFen: 4_000_00,
      actualFen: 4_000_00,
      met: true,
    });
  });

  it('seed 004: activity funds of 50元 per organ Party member, and no other standard for an organ', () => {
    expect(
      assessStandards(DEFAULT_FUNDING_STANDARDS, {
        recipientSector: 'organ',
        memberCount: 80,
        totalsByPurposeFen: { activity_funds: 3_999_00 },
      }),
    ).toEqual([
      {
        key: 'activity_funds_per_member',
        requiredFen: 80 * 50_00,
        actualFen: 3_999_00,
        met: false,
      },
    ]);
  });

  it('seed 000: 50元 per member for a township organization (县乡按照党员总人数年人平50元)', () => {
    expect(
      assessStandards(DEFAULT_FUNDING_STANDARDS, {
        recipientSector: 'township',
        memberCount: 300,
        totalsByPurposeFen: { activity_funds: 15_000_00 },
      }),
    ).toEqual([
      { key: 'activity_funds_per_member', requiredFen: 15_000_00, actualFen: 15_000_00, met: true },
    ]);
  });

  it('seed 000: operating funds of 2万元 a year per village (村按照年平2万元)', () => {
    const operating = assessStandards(DEFAULT_FUNDING_STANDARDS, {
      recipientSector: 'village',
      totalsByPurposeFen: { operating_funds: 20_000_00 },
    }).find((s) => s.key === 'operating_funds_min');
    expect(operating).toEqual({
      key: 'operating_funds_min',
      requiredFen: 20_000_00,
      actualFen: 20_000_00,
      met: true,
    });
  });

  it('a county sets its own standards: the configuration given is the one assessed', () => {
    const county = {
      ...DEFAULT_FUNDING_STANDARDS,
      activityFundsPerMemberFen: { village: 120_00 },
    };
    expect(
      assessStandards(county, {
        recipientSector: 'village',
        memberCount: 10,
        totalsByPurposeFen: { activity_funds: 1_000_00 },
      }).find((s) => s.key === 'activity_funds_per_member'),
    ).toMatchObject({ requiredFen: 1_200_00, met: false });
  });
});

describe('assessStandardsForYear (who is assessed: the funds report and the summary by recipient)', () => {
  const unfunded = { recipientSector: 'village', funded: false, totalsByPurposeFen: {} };

  it('assesses a village registered by the year’s end against its standards, funded or not', () => {
    expect(
      assessStandardsForYear(DEFAULT_FUNDING_STANDARDS, 2026, {
        ...unfunded,
        registeredOn: '2026-12-31',
      }),
    ).toEqual([
      { key: 'operating_funds_min', requiredFen: 20_000_00, actualFen: 0, met: false },
      { key: 'special_benefit_min', requiredFen: 50_000_00, actualFen: 0, met: false },
    ]);
  });

  it('leaves alone a year before the village was registered, unless it was funded or counted then', () => {
    const late = { ...unfunded, registeredOn: '2027-01-01' };
    expect(assessStandardsForYear(DEFAULT_FUNDING_STANDARDS, 2026, late)).toEqual([]);
    expect(assessStandardsForYear(DEFAULT_FUNDING_STANDARDS, 2026, { ...unfunded })).toEqual([]);
    expect(
      assessStandardsForYear(DEFAULT_FUNDING_STANDARDS, 2026, {
        ...late,
        funded: true,
        totalsByPurposeFen: { operating_funds: 20_000_00 },
      }),
    ).toContainEqual(expect.objectContaining({ key: 'operating_funds_min', met: true }));
    expect(
      assessStandardsForYear(DEFAULT_FUNDING_STANDARDS, 2026, { ...late, memberCount: 30 }),
    ).toContainEqual(
      expect.objectContaining({ key: 'activity_funds_per_member', requiredFen: 30 * 100_00 }),
    );
  });

  it('gives nothing for a sector no standard applies to', () =>
    expect(
      assessStandardsForYear(DEFAULT_FUNDING_STANDARDS, 2026, {
        ...unfunded,
        recipientSector: 'enterprise',
        registeredOn: '2020-01-01',
      }),
    ).toEqual([]));
});

describe('fundingStandardsWith (a county’s configuration)', () => {
  it('replaces the standards given and keeps the defaults of the others', () => {
    const county = fundingStandardsWith({ operatingFundsMinFen: { village: 30_000_00 } });
    expect(county.operatingFundsMinFen).toEqual({ village: 30_000_00 });
    expect(county.activityFundsPerMemberFen).toEqual(
      DEFAULT_FUNDING_STANDARDS.activityFundsPerMemberFen,
    );
  });

  it.each([
    [[], /must be an object/],
    [{ operatingFundsMinFen: { village: 1.5 } }, /operatingFundsMinFen\.village/],
    [{ operatingFundsMinFen: { village: -1 } }, /operatingFundsMinFen\.village/],
    [{ serviceCenterOnlyWhenFunded: 'yes' }, /true or false/],
    [{ perMemberFen: {} }, /unknown funding standard perMemberFen/],
  ])('refuses %j', (overrides, message) => {
    expect(() => fundingStandardsWith(overrides)).toThrow(message);
  });
});
