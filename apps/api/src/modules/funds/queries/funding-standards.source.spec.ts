import { DEFAULT_FUNDING_STANDARDS } from '@gongjian/domain';
import { loadFundingStandards } from './funding-standards.source';

describe('loadFundingStandards', () => {
  it('answers the domain defaults without FUNDING_STANDARDS', () => {
    expect(loadFundingStandards({})).toBe(DEFAULT_FUNDING_STANDARDS);
  });

  it('applies a county’s FUNDING_STANDARDS over the defaults', () => {
    const standards = loadFundingStandards({
      fundingStandardsJson: '{"activityFundsPerMemberFen":{"village":8000}}',
    });
    expect(standards.activityFundsPerMemberFen).toEqual({ village: 8000 });
    expect(standards.operatingFundsMinFen).toEqual(DEFAULT_FUNDING_STANDARDS.operatingFundsMinFen);
  });

  it('names FUNDING_STANDARDS when it is not valid', () => {
    expect(() => loadFundingStandards({ fundingStandardsJson: '{' })).toThrow(
      /^FUNDING_STANDARDS: /,
    );
    expect(() =>
      loadFundingStandards({ fundingStandardsJson: '{"operatingFundsMinFen":{"village":"2万"}}' }),
    ).toThrow(/^FUNDING_STANDARDS: operatingFundsMinFen\.village/);
  });
});
