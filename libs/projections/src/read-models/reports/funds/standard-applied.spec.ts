import { DEFAULT_FUNDING_STANDARDS } from '@gongjian/domain';
import { standardApplied } from './standard-applied';

describe('the funding standard a report names', () => {
  it('gives the default standards as the county reads them', () => {
    expect(standardApplied(DEFAULT_FUNDING_STANDARDS, 'operating_funds_min')).toBe('农村 2万元/年');
    expect(standardApplied(DEFAULT_FUNDING_STANDARDS, 'activity_funds_per_member')).toBe(
      '农村 每名党员100元/年；机关 每名党员50元/年；乡镇 每名党员50元/年',
    );
    expect(standardApplied(DEFAULT_FUNDING_STANDARDS, 'service_center_min')).toBe(
      '农村 60万元（当年有投入时评估）',
    );
    expect(standardApplied(DEFAULT_FUNDING_STANDARDS, 'special_benefit_min')).toBe(
      '农村 5万元/年；社区 20万元/年',
    );
  });

  it('gives a county’s own amounts', () => {
    const own = { ...DEFAULT_FUNDING_STANDARDS, operatingFundsMinFen: { village: 3_500_000 } };
    expect(standardApplied(own, 'operating_funds_min')).toBe('农村 3.5万元/年');
  });
});
